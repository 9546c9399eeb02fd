"""Score the extractor against gold passages (STEM.txt + STEM.json, the dev-set format).

Only the direct relations count (asserted statuses: occurred, planned, current, former), as a
user reading the graph's kgo:visits / kgo:talksWith / kgo:memberOf triples sees them.
A system entity matches a gold entity when its label or an alternative label equals the gold
name or an alias, ignoring case, accents, punctuation, a possessive 's and a leading "the".
Gold facts that are optional, cancelled, negated, speculative (or a planned memberOf) are
neutral: matching one counts neither way.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import RELATION_KINDS, Article, Entity, Extraction, Relation

NEUTRAL_STATUSES = frozenset({"cancelled", "negated", "speculative"})
_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True)
class Score:
    """Counts and ratios for one relation kind (or all of them)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class ScoredFact:
    """A false positive, false negative or status mismatch, for `kg evaluate -v`."""

    passage: str
    outcome: str
    kind: str
    subject: str
    object: str
    status: str
    evidence: str
    gold_status: str | None = None


@dataclass(frozen=True)
class EvalReport:
    """Per-relation and micro scores, status accuracy and the individual errors."""

    scores: dict[str, Score]
    micro: Score
    status_correct: int
    status_total: int
    passages: int
    errors: tuple[ScoredFact, ...] = field(default_factory=tuple)

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.status_total if self.status_total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "passages": self.passages,
            "relations": {kind: score.as_dict() for kind, score in self.scores.items()},
            "micro": self.micro.as_dict(),
            "status_accuracy": round(self.status_accuracy, 4),
            "status_matched": self.status_total,
            "errors": [asdict(error) for error in self.errors],
        }


@dataclass(frozen=True)
class GoldPassage:
    """One gold passage: its text and the JSON record."""

    id: str
    text: str
    record: dict[str, Any]


def normalize(form: str) -> str:
    """Compare-form of a name: no case, accents, punctuation, possessive 's or leading "the"."""
    form = form.replace("’", "'").strip()
    form = re.sub(r"'s$|'$", "", form)
    decomposed = unicodedata.normalize("NFKD", form)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = "".join(ch if not unicodedata.category(ch).startswith(("P", "S")) else " " if ch in "-–—/" else "" for ch in plain)
    return _LEADING_THE.sub("", " ".join(plain.split()))


def load_gold(gold_dir: str | Path) -> list[GoldPassage]:
    """Read every STEM.json with its STEM.txt from a gold folder."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder", "pass a folder of STEM.txt + STEM.json gold passages")
    passages = []
    for path in sorted(folder.glob("*.json")):
        text_path = path.with_suffix(".txt")
        if not text_path.exists():
            raise InputError(f"{path}: no matching {text_path.name}", "each STEM.json needs its STEM.txt next to it")
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise InputError(f"{path}: not valid UTF-8 JSON ({err})", "fix the gold file") from err
        if not isinstance(record, dict) or "entities" not in record or "relations" not in record:
            raise InputError(f"{path}: missing 'entities' or 'relations'", "see the dev-set GUIDELINE.md schema")
        passages.append(GoldPassage(str(record.get("id") or path.stem), text_path.read_text(encoding="utf-8"), record))
    if not passages:
        raise InputError(f"{folder}: no gold passages (*.json) found", "point at a folder in the dev-set format")
    return passages


def direct_relations(extraction: Extraction) -> list[Relation]:
    """The relations a graph asserts as direct triples, one per (kind, subject, object)."""
    seen: dict[tuple[str, ...], Relation] = {}
    for relation in extraction.relations:
        if not relation.asserted:
            continue
        ends = (relation.subject, relation.object)
        if relation.kind == "talksWith":
            ends = tuple(sorted(ends))
        key = (relation.kind, *ends)
        if key not in seen or relation.confidence > seen[key].confidence:
            seen[key] = relation
    return list(seen.values())


def _is_neutral(relation: dict[str, Any]) -> bool:
    status = relation.get("status", "")
    return bool(relation.get("optional")) or status in NEUTRAL_STATUSES or (
        relation.get("type") == "memberOf" and status == "planned"
    )


def score_passage(passage: GoldPassage, extraction: Extraction) -> tuple[dict[str, list[int]], list[ScoredFact], int, int]:
    """tp/fp/fn per kind, the errors, and (status correct, status matched) for one passage."""
    record = passage.record
    gold_forms = {
        e["id"]: {normalize(f) for f in [e.get("name", ""), *e.get("aliases", [])] if normalize(f)}
        for e in record["entities"]
    }
    gold_names = {e["id"]: e.get("name", e["id"]) for e in record["entities"]}
    system_forms = {e.key: entity_forms(e) for e in extraction.entities}
    system_names = {e.key: e.name for e in extraction.entities}

    def matches(system_key: str, gold_id: str) -> bool:
        return bool(system_forms.get(system_key, set()) & gold_forms.get(gold_id, set()))

    def links(relation: Relation, gold: dict[str, Any]) -> bool:
        if gold["type"] != relation.kind:
            return False
        s, o = gold["subject"], gold["object"]
        if matches(relation.subject, s) and matches(relation.object, o):
            return True
        return relation.kind == "talksWith" and matches(relation.subject, o) and matches(relation.object, s)

    counts = {kind: [0, 0, 0] for kind in RELATION_KINDS}
    errors: list[ScoredFact] = []
    matched: set[int] = set()
    status_correct = status_total = 0
    golds = record["relations"]
    for relation in direct_relations(extraction):
        hit = next((i for i, g in enumerate(golds) if i not in matched and not _is_neutral(g) and links(relation, g)), None)
        if hit is not None:
            matched.add(hit)
            counts[relation.kind][0] += 1
            status_total += 1
            if golds[hit].get("status") == relation.status:
                status_correct += 1
            else:
                errors.append(_fact(passage.id, "STATUS", relation, system_names, golds[hit].get("status")))
            continue
        if any(_is_neutral(g) and links(relation, g) for g in golds):
            continue
        counts.setdefault(relation.kind, [0, 0, 0])[1] += 1
        errors.append(_fact(passage.id, "FP", relation, system_names))
    for i, gold in enumerate(golds):
        if i in matched or _is_neutral(gold):
            continue
        counts.setdefault(gold["type"], [0, 0, 0])[2] += 1
        errors.append(ScoredFact(passage.id, "FN", gold["type"], gold_names.get(gold["subject"], gold["subject"]),
                                 gold_names.get(gold["object"], gold["object"]), gold.get("status", ""), gold.get("evidence", "")))
    return counts, errors, status_correct, status_total


def _fact(passage: str, outcome: str, relation: Relation, names: dict[str, str], gold_status: str | None = None) -> ScoredFact:
    return ScoredFact(passage, outcome, relation.kind, names.get(relation.subject, relation.subject),
                      names.get(relation.object, relation.object), relation.status, relation.evidence.text, gold_status)


def evaluate(
    gold_dir: str,
    extractor: Any,
    on_progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Run `extractor` (an kg.extract.Extractor) over the gold folder and score it."""
    passages = load_gold(gold_dir)
    articles = [Article(p.id, p.text, date=p.record.get("date"), url=p.record.get("url")) for p in passages]
    extractions: Iterable[Extraction] = extractor.extract_many(articles)
    return score(passages, extractions, on_progress)


def score(
    passages: Sequence[GoldPassage],
    extractions: Iterable[Extraction],
    on_progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Score extractions (in passage order) against their gold passages."""
    totals = {kind: [0, 0, 0] for kind in RELATION_KINDS}
    errors: list[ScoredFact] = []
    correct = total = 0
    for done, (passage, extraction) in enumerate(zip(passages, extractions, strict=True), start=1):
        counts, passage_errors, c, t = score_passage(passage, extraction)
        for kind, (tp, fp, fn) in counts.items():
            bucket = totals.setdefault(kind, [0, 0, 0])
            bucket[0] += tp
            bucket[1] += fp
            bucket[2] += fn
        errors += passage_errors
        correct += c
        total += t
        if on_progress:
            on_progress(done, len(passages))
    scores = {kind: Score(*values) for kind, values in totals.items()}
    micro = Score(*(sum(values[i] for values in totals.values()) for i in range(3)))
    return EvalReport(scores, micro, correct, total, len(passages), tuple(errors))


def entity_forms(entity: Entity) -> set[str]:
    """Every compare-form under which an entity can match gold."""
    return {normalize(f) for f in (entity.name, *entity.aliases) if normalize(f)}
