"""A spaCy Matcher for patterns over a few small-domain token extensions, read in C.

spaCy's Matcher reads every extension attribute its patterns use through Python, for every
token of every call (a Token, an Underscore object and a lookup each), which costs several
times the matching itself. `PackedMatcher` packs those attributes into one native token
field, `ent_kb_id` (no component of ours sets it), for the duration of a match, and rewrites
the patterns' extension predicates into predicates over the packed values, so the Matcher
reads them in C. It finds what a plain Matcher over the same patterns finds; a doc with a
value outside the declared domains, or whose `ent_kb_id` is in use, is matched the plain way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import product

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

Match = Callable[..., list]
# Where spaCy keeps a token's extension value: doc.user_data[("._.", name, token.idx, None)].
_EXTENSION_KEY = "._."
_PACKED_FIELD = "ENT_KB_ID"


class PackedMatcher:
    """Matcher patterns whose "_" predicates use only the extensions in `domains` (name ->
    every value the extension may take), matched with those extensions packed."""

    def __init__(self, vocab: Vocab, domains: Mapping[str, Sequence[object]]) -> None:
        self._vocab = vocab
        self._names = tuple(domains)
        self._defaults = tuple(Token.get_extension(name)[0] for name in self._names)
        self._codes: dict[tuple, int] = {
            state: 0 if state == self._defaults else vocab.strings.add(_label(state))
            for state in product(*domains.values())}
        self._plain = Matcher(vocab)
        self._packed: Matcher | None = Matcher(vocab)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        """Add patterns under `key`, as `Matcher.add` does."""
        self._plain.add(key, patterns)
        if self._packed is not None:
            try:
                packed = [[self._pack(element) for element in pattern] for pattern in patterns]
            except ValueError:
                self._packed = None  # a predicate this class cannot rewrite: match plainly
            else:
                self._packed.add(key, packed)

    @contextmanager
    def matching(self, doc: Doc) -> Iterator[Match]:
        """A function matching spans of `doc` (`match(doc[a:b], with_alignments=True)`),
        with `doc`'s extension values packed while the block runs."""
        marked = self._mark(doc) if self._packed is not None else None
        if marked is None:
            yield self._plain
            return
        try:
            yield self._packed
        finally:
            for token in marked:
                token.ent_kb_id = 0

    def _mark(self, doc: Doc) -> list[Token] | None:
        """Write each annotated token's packed state; None when the doc cannot be packed."""
        if doc.to_array(_PACKED_FIELD).any():
            return None
        states: dict[int, list[object]] = {}
        for key, value in doc.user_data.items():
            if (type(key) is tuple and len(key) == 4 and key[0] == _EXTENSION_KEY
                    and key[3] is None and key[1] in self._names):
                states.setdefault(key[2], list(self._defaults))[self._names.index(key[1])] = value
        if not states:
            return []
        tokens = {token.idx: token for token in doc}
        marked = []
        try:
            for idx, state in states.items():
                code = self._codes[tuple(state)]
                if code:
                    tokens[idx].ent_kb_id = code
                    marked.append(tokens[idx])
        except (KeyError, TypeError):  # a value outside the domains (or unhashable)
            for token in marked:
                token.ent_kb_id = 0
            return None
        return marked

    def _pack(self, element: dict) -> dict:
        if "_" not in element:
            return element
        if _PACKED_FIELD in element:
            raise ValueError(f"pattern element already uses {_PACKED_FIELD}")
        predicates = element["_"]
        unknown = set(predicates) - set(self._names)
        if unknown:
            raise ValueError(f"extensions without a domain: {sorted(unknown)}")
        allowed = [code for state, code in self._codes.items()
                   if all(_accepts(spec, state[self._names.index(name)])
                          for name, spec in predicates.items())]
        packed = {attr: value for attr, value in element.items() if attr != "_"}
        packed[_PACKED_FIELD] = {"IN": [self._label_of(code) for code in allowed]}
        return packed

    def _label_of(self, code: int) -> str:
        return "" if code == 0 else self._vocab.strings[code]


def _label(state: tuple) -> str:
    return "kg-packed:" + "|".join(map(repr, state))


def _accepts(spec: object, value: object) -> bool:
    """Whether `value` passes a Matcher extension predicate: a value, or IN / NOT_IN."""
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            return value in spec["IN"]
        if set(spec) == {"NOT_IN"}:
            return value not in spec["NOT_IN"]
        raise ValueError(f"unsupported extension predicate {spec!r}")
    return value == spec
