"""Matcher patterns matched over a document's token attributes read once into lists.

spaCy's Matcher tries every pattern at every token and reads the attributes its IN/NOT_IN
predicates and extension attributes test through Python each time; with a few dozen patterns
that costs microseconds per token. `PackedMatcher` takes the attributes packed into plain
per-token lists (the caller has them already) and starts a pattern only where it can get
anywhere: the window holds a token for each of its required elements, the token passes its
first element, and the token after passes what may follow. Past that it follows spaCy's
matching algorithm step by step, so it finds the same matches, in the same order, with the
same alignments as `Matcher(doc[first:last], with_alignments=True)` (dropping a pattern
that cannot match, or a start it cannot get past, changes nothing else).

Supported pattern elements: the operators `?`, `*`, `+`, `!` (or none); the attributes
ORTH/TEXT, LOWER, LEMMA, POS, TAG, DEP and extension attributes (`"_"`) given a value or an
IN/NOT_IN/REGEX predicate; the flags IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE,
IS_TITLE, IS_UPPER, LIKE_NUM.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter

from spacy.tokens import Token

Match = tuple[str, int, int, list[int]]
Test = Callable[[int], bool]
Check = tuple[str, str, object]  # (column, kind, value)
Anchor = tuple[int, frozenset]  # (column slot, values one of which the token must have)

# Quantifiers of the compiled pattern elements, as in spaCy ("+" is ONE then ZERO_PLUS).
_ONE, _ZERO_PLUS, _ZERO_ONE, _ZERO = range(4)
_OPERATORS = {None: (_ONE,), "1": (_ONE,), "+": (_ONE, _ZERO_PLUS), "*": (_ZERO_PLUS,), "?": (_ZERO_ONE,),
              "!": (_ZERO,)}
# What a state does on a token, named as in spaCy's Matcher.
(_REJECT, _MATCH, _ADVANCE, _RETRY, _RETRY_ADVANCE, _RETRY_EXTEND, _MATCH_EXTEND, _MATCH_REJECT,
 _MATCH_DOUBLE) = range(9)
_RETRIES = frozenset({_RETRY, _RETRY_ADVANCE, _RETRY_EXTEND})
# quantifier -> (action when the token passes, when it fails), for a non-final and a final element
_ACTIONS = {
    _ONE: ((_ADVANCE, _REJECT), (_MATCH, _REJECT)),
    _ZERO: ((_REJECT, _ADVANCE), (_REJECT, _MATCH)),
    _ZERO_PLUS: ((_RETRY_EXTEND, _RETRY), (_MATCH_EXTEND, _MATCH_REJECT)),
    _ZERO_ONE: ((_RETRY_ADVANCE, _RETRY), (_MATCH_DOUBLE, _MATCH_REJECT)),
}
_COLUMNS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "LEMMA": "LEMMA", "POS": "POS", "TAG": "TAG",
            "DEP": "DEP"}
# The Token attribute holding each column, read when the caller does not give the column.
_TOKEN_FIELDS = {"ORTH": "text", "LOWER": "lower_", "LEMMA": "lemma_", "POS": "pos_", "TAG": "tag_", "DEP": "dep_"}
_FLAGS = frozenset({"IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER", "LIKE_NUM"})


class PackedMatcher:
    """Matcher patterns under string keys, matched over per-token attribute lists.

    Not reentrant: a call binds the matcher's tests to its document."""

    def __init__(self) -> None:
        self._names: list[str] = []  # column name by slot
        self._sparse: set[int] = set()  # slots of extension attributes (annotations most tokens lack)
        self._columns: list[Sequence[object]] = []  # this call's column lists, by slot
        self._tokens: list[Sequence[Token]] = [()]  # this call's tokens
        self._tests: list[Test] = []
        self._numbers: dict[tuple[Check, ...], int] = {}
        self._anchors: list[Anchor | None] = []  # by test: a value it requires
        self._rests: list[Test | None] = []  # by test with an anchor: its other checks (None: no other)
        self._required: dict[Anchor, int] = {}  # a value some required element needs -> its bit
        self._required_by_slot: dict[int, list[tuple[frozenset, int]]] = {}  # the same, by column slot
        self._beginnings: dict[tuple, int] = {}  # (lead test, follow) of patterns -> its number
        # compiled elements (test, action if it passes, if it fails, element index, key); a None ends each pattern
        self._elements: list[tuple[Test, int, int, int, str] | None] = []
        self._patterns: list[_Pattern] = []

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        """Add patterns under `key`, as `Matcher.add` does."""
        for pattern in patterns:
            compiled = [(quantifier, self._test(spec), token_idx) for token_idx, spec in enumerate(pattern)
                        for quantifier in _OPERATORS[spec.get("OP")]]
            first = len(self._elements)
            for n, (quantifier, test, token_idx) in enumerate(compiled):
                on_pass, on_fail = _ACTIONS[quantifier][n == len(compiled) - 1]
                self._elements.append((self._tests[test], on_pass, on_fail, token_idx, key))
            self._elements.append(None)
            required = 0
            for quantifier, test, _ in compiled:
                anchor = self._anchors[test]
                if quantifier == _ONE and anchor is not None:
                    if anchor not in self._required:
                        self._required[anchor] = 1 << len(self._required)
                        self._required_by_slot.setdefault(anchor[0], []).append((anchor[1], self._required[anchor]))
                    required |= self._required[anchor]
            self._patterns.append(_Pattern(first, compiled, required, self._beginnings))

    def __call__(self, columns: Mapping[str, Sequence[object]], tokens: Sequence[Token], first: int,
                 last: int) -> list[Match]:
        """The matches within tokens `first` to `last` as (key, start, end, alignments), with
        doc positions. `columns` maps ORTH, LOWER, ... and extension names to per-token lists;
        a column not given is read from `tokens`."""
        self._tokens[0] = tokens
        self._columns[:] = [columns[name] if name in columns else _read(name, tokens) for name in self._names]
        starts = self._starts(first, last)
        states: list[tuple[int, int, int, tuple]] = []
        matches: list[tuple[str, int, int, tuple]] = []
        positions = sorted(starts)
        k = 0
        i = first
        while i < last:
            if not states:
                if k == len(positions):
                    break
                i = positions[k]
            if k < len(positions) and positions[k] == i:
                states += [(e, i, 0, ()) for e in starts[i]]
                k += 1
            if states:
                states = self._step(states, i, matches)
            i += 1
        self._finish(states, matches)
        return _results(matches)

    def _starts(self, first: int, last: int) -> dict[int, list[int]]:
        """Token -> first elements of the patterns (in the order added) to start there."""
        columns = self._columns
        missing = 0  # bits of the required values no token of the window has
        for slot, required in self._required_by_slot.items():
            present = set(columns[slot][first:last])
            for values, bit in required:
                if values.isdisjoint(present):
                    missing |= bit
        passing: dict[int, list[int]] = {}  # lead test -> tokens passing it
        marked: dict[int, list[tuple[int, object]]] = {}  # slot -> (token, value) where the value is not empty
        going_on: dict[int, list[int]] = {}  # beginning -> tokens a pattern may start at
        starts: dict[int, list[int]] = {}
        for pattern in self._patterns:
            if not pattern.required & missing:
                where = going_on.get(pattern.beginning)
                if where is None:
                    lead, follow = pattern.lead, pattern.follow
                    if lead is None:
                        where = range(first, last)
                    elif lead in passing:
                        where = passing[lead]
                    else:
                        where = passing[lead] = self._passing(lead, first, last, marked)
                    if follow is not None:
                        where = self._going_on(follow, where, last)
                    going_on[pattern.beginning] = where
                for i in where:
                    if i in starts:
                        starts[i].append(pattern.first)
                    else:
                        starts[i] = [pattern.first]
        return starts

    def _passing(self, test: int, first: int, last: int, marked: dict[int, list[tuple[int, object]]]) -> list[int]:
        """The tokens from `first` to `last` that pass a test. An annotation column is mostly
        empty: its non-empty values, read once into `marked` (by slot), serve every test that
        wants one of them."""
        function = self._tests[test]
        anchor = self._anchors[test]
        if anchor is None:
            return [i for i in range(first, last) if function(i)]
        slot, values = anchor
        if slot in self._sparse and all(values):
            if slot not in marked:
                marked[slot] = [(i, value) for i, value in enumerate(self._columns[slot][first:last], first) if value]
            candidates = marked[slot]
        else:
            candidates = enumerate(self._columns[slot][first:last], first)
        rest = self._rests[test]
        if rest is None:
            return [i for i, value in candidates if value in values]
        return [i for i, value in candidates if value in values and rest(i)]

    def _going_on(self, follow: tuple[int, bool, tuple[int, ...]], where: Sequence[int], last: int) -> list[int]:
        """The tokens of `where` (those passing the first element's test) at which a pattern can
        get past its first element: a token after the run the first element may take passes a
        test the rest may start with."""
        _, repeats, nexts = follow
        next_tests = [self._tests[test] for test in nexts]
        kept = []
        # From the last token back, so a token within a run of the first element takes the
        # answer of the token after it instead of walking the rest of the run again.
        after = -1  # the token of `where` handled before (the next one in the text)
        goes_on = False  # whether a pattern starting at `after` gets past its first element
        for i in reversed(where):
            p = i + 1
            if p < last:
                for test in next_tests:  # a loop, not any(): this is the matcher's hottest spot
                    if test(p):
                        goes_on = True
                        break
                else:
                    goes_on = repeats and p == after and goes_on  # still within the first element's run
            else:
                goes_on = False
            if goes_on:
                kept.append(i)
            after = i
        kept.reverse()
        return kept

    def _step(self, states: list[tuple[int, int, int, tuple]], i: int,
              matches: list[tuple[str, int, int, tuple]]) -> list[tuple[int, int, int, tuple]]:
        """Every state's transition on token `i` (spaCy's `transition_states`): states that
        go on, then the branches they opened. An alignment is a chain (element, length, rest)."""
        elements = self._elements
        kept = []
        branches = []
        for e, start, length, align in states:
            test, on_pass, on_fail, token_idx, key = elements[e]
            action = on_pass if test(i) else on_fail
            if action == _REJECT:
                continue
            while action in _RETRIES:
                align = (token_idx, length, align)
                if action == _RETRY_EXTEND:
                    branches.append((e, start, length + 1, align))
                elif action == _RETRY_ADVANCE:
                    branches.append((e + 1, start, length + 1, align))
                e += 1
                test, on_pass, on_fail, token_idx, key = elements[e]
                action = on_pass if test(i) else on_fail
            if action == _REJECT:
                continue
            align = (token_idx, length, align)
            if action == _ADVANCE:
                kept.append((e + 1, start, length + 1, align))
            elif action == _MATCH:
                matches.append((key, start, length + 1, align))
            elif action == _MATCH_EXTEND:
                matches.append((key, start, length, align))
                kept.append((e, start, length + 1, align))
            elif action == _MATCH_REJECT:
                matches.append((key, start, length, align))
            else:  # _MATCH_DOUBLE
                if length:
                    matches.append((key, start, length, align))
                matches.append((key, start, length + 1, align))
        kept += branches
        return kept

    def _finish(self, states: list[tuple[int, int, int, tuple]], matches: list[tuple[str, int, int, tuple]]) -> None:
        """States left at the window's end match if all their remaining elements are
        optional (spaCy's `finish_states`)."""
        elements = self._elements
        for e, start, length, align in states:
            while True:
                test, on_pass, on_fail, token_idx, key = elements[e]
                if on_fail != _RETRY and on_fail != _MATCH_REJECT:
                    break  # a required element
                align = (token_idx, length, align)
                if on_fail == _MATCH_REJECT:
                    matches.append((key, start, length, align))
                    break
                e += 1

    def _test(self, spec: dict) -> int:
        """The number of the test a pattern element makes (equal elements share one)."""
        checks = []
        for attr, value in spec.items():
            if attr == "_":
                checks += [_check(name, predicate) for name, predicate in value.items()]
                self._sparse.update(self._slot(name) for name in value)
            elif attr in _FLAGS:
                checks.append((attr, "flag", bool(value)))
            elif attr in _COLUMNS:
                checks.append(_check(_COLUMNS[attr], value))
            elif attr != "OP":
                raise ValueError(f"unsupported pattern attribute {attr!r}")
        if not checks:
            raise ValueError("a pattern element must test an attribute")
        key = tuple(checks)
        if key not in self._numbers:
            self._numbers[key] = len(self._tests)
            functions = [self._function(check) for check in checks]
            self._tests.append(_all(functions))
            anchored = next((n for n, (_, kind, _) in enumerate(checks) if kind in ("eq", "in")), None)
            if anchored is None:
                self._anchors.append(None)
                self._rests.append(None)
            else:
                column, kind, value = checks[anchored]
                self._anchors.append((self._slot(column), value if kind == "in" else frozenset({value})))
                others = functions[:anchored] + functions[anchored + 1:]
                self._rests.append(_all(others) if others else None)
        return self._numbers[key]

    def _slot(self, column: str) -> int:
        if column not in self._names:
            self._names.append(column)
            self._columns.append(())
        return self._names.index(column)

    def _function(self, check: Check) -> Test:
        """A check as a function of a token index, over the columns bound by each call."""
        column, kind, value = check
        if kind == "flag":
            tokens, flag = self._tokens, attrgetter(column.lower())
            return lambda i: flag(tokens[0][i]) is value
        columns, slot = self._columns, self._slot(column)
        if kind == "eq":
            return lambda i: columns[slot][i] == value
        if kind == "in":
            return lambda i: columns[slot][i] in value
        if kind == "not_in":
            return lambda i: columns[slot][i] not in value
        search = value.search
        return lambda i: search(columns[slot][i]) is not None


class _Pattern:
    """A compiled pattern: where its elements begin, the test its first element makes when
    required (None: it may start anywhere), what must follow for it to go on (see
    `_follow`), the bits of the values its required elements need, and the number its
    (lead, follow) pair shares with the patterns that may start at the same tokens."""

    __slots__ = ("first", "lead", "follow", "required", "beginning")

    def __init__(self, first: int, compiled: list[tuple[int, int, int]], required: int,
                 beginnings: dict[tuple, int]) -> None:
        self.first = first
        self.lead = compiled[0][1] if compiled[0][0] == _ONE else None
        self.follow = _follow(compiled)
        self.required = required
        self.beginning = beginnings.setdefault((self.lead, self.follow), len(beginnings))


def _follow(compiled: list[tuple[int, int, int]]) -> tuple[int, bool, tuple[int, ...]] | None:
    """(first test, whether it repeats, tests the next element may make) for a pattern whose
    first element is required and whose rest must take a token; None otherwise."""
    if compiled[0][0] != _ONE:
        return None
    rest = compiled[1:]
    repeats = bool(rest) and rest[0][0] == _ZERO_PLUS and rest[0][1] == compiled[0][1]
    nexts = []
    for quantifier, test, _ in rest[1:] if repeats else rest:
        if quantifier == _ZERO:
            return None
        nexts.append(test)
        if quantifier == _ONE:
            return compiled[0][1], repeats, tuple(dict.fromkeys(nexts))
    return None  # the rest may take no token: the first element alone matches


def _check(column: str, value: object) -> Check:
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            kind, values = next(iter(value.items()))
            return column, kind.lower(), frozenset(values)
        if len(value) == 1 and "REGEX" in value:
            return column, "regex", re.compile(value["REGEX"])
        raise ValueError(f"unsupported predicate {value!r}")
    return column, "eq", value


def _read(column: str, tokens: Sequence[Token]) -> list[object]:
    """A column the caller did not give, read from the tokens."""
    if column in _TOKEN_FIELDS:
        return [getattr(t, _TOKEN_FIELDS[column]) for t in tokens]
    return [t._.get(column) for t in tokens]


def _all(functions: list[Test]) -> Test:
    if len(functions) == 1:
        return functions[0]
    if len(functions) == 2:
        a, b = functions
        return lambda i: a(i) and b(i)
    if len(functions) == 3:
        a, b, c = functions
        return lambda i: a(i) and b(i) and c(i)
    return lambda i: all(f(i) for f in functions)


def _results(matches: list[tuple[str, int, int, tuple]]) -> list[Match]:
    """Matches without repeats or empty ones, each with the pattern element of each token
    (where several paths reached a token, the later element), as spaCy reports them."""
    results = []
    seen = set()
    for key, start, length, chain in matches:
        if length and (key, start, length) not in seen:
            seen.add((key, start, length))
            elements = [0] * length
            while chain:
                token_idx, at, chain = chain
                if at < length and token_idx > elements[at]:
                    elements[at] = token_idx
            results.append((key, start, start + length, elements))
    return results
