#!/usr/bin/env python3
"""Benchmark: the policy-briefs site against stock MkDocs + Material on the same articles.

Generates a deterministic synthetic project in the content model's format
(N briefs of about 1,200 words with 10 annotations each, 60 glossary entries
and 100 actors with aliases), then builds, interleaved and several times:

  a. the plugin's site (the repository's mkdocs.yml: its theme, features and plugins);
  b. stock MkDocs + Material + search with the same article bodies as ordinary
     pages, every page in the default navigation;
  c. the same as b with `navigation.prune`.

It prints and writes to docs/performance.md: wall time, peak memory, the
ratios a/b and a/c, the plugin's own time per brief (measured inside the
build), the linker's throughput, the scaling from 1,000 to 3,000 briefs (the
plugin's site at both sizes built in turn, so that drift hits both alike),
reference points up to N = 1,000 (parsing the content's YAML and converting its
Markdown fields plainly, Material's search on both sites), and how long
`mkdocs serve` (started as scripts/serve starts it) takes to show an edit on
the edited brief and on a glossary entry that lists it.

    .venv/bin/python scripts/benchmark.py            # N = 100 and 1,000, then serve
    .venv/bin/python scripts/benchmark.py --large    # also N = 3,000 (slow: the stock build)
    .venv/bin/python scripts/benchmark.py --sizes 100 --runs 1 --no-serve --no-write   # a quick look
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import multiprocessing
import multiprocessing.pool
import os
import platform
import random
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import psutil
import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
PERFORMANCE_PAGE = REPOSITORY / "docs" / "performance.md"
SEED = 20240305
SCALING = (1000, 3000)  # the sizes whose build times give the scaling ratio
TERMS = 60
ACTORS = 100
WORDS_PER_BRIEF = 1200
ANNOTATIONS_PER_BRIEF = 10
TERMS_PER_BRIEF = 25
ACTORS_PER_BRIEF = 15
TIMING_ENV = "POLICY_BRIEFS_TIMING"

# --------------------------------------------------------------------------- words

FILLER = """
the a of and to in that for on with as by at from this its their which was were be been has have had
not but or more most other some such only also than then there these those when where while after
before during between among against within without under over into through about across around
policy security region regional forum summit meeting talks dialogue partners partnership cooperation
defence defense military naval maritime exercises ministers ministry government governments state
states officials delegation delegates agreement accord treaty framework mechanism architecture order
balance power influence interests strategy strategic doctrine approach position stance view views
economic trade investment energy supply chains ports infrastructure development growth markets
sanctions pressure crisis conflict tensions dispute disputes claims waters islands border borders
alliance alliances allies ally bloc blocs members membership neighbours neighbors great small middle
powers leaders leader analysts observers scholars experts commentators press media reports report
statement statements declaration declarations communique signal signals message messages intention
intentions commitment commitments promise promises concern concerns risk risks threat threats
stability instability peace war wars history historical legacy memory past future present years
year decade decades century months weeks recently already still again often rarely never always
long short early late first second third last next new old large larger largest small smaller
important significant modest limited broad narrow clear unclear open closed formal informal public
private regular annual rare frequent gradual sudden slow quick careful cautious bold steady
uncertain likely unlikely possible impossible necessary useful practical symbolic substantive
question questions answer answers issue issues problem problems solution solutions option options
choice choices decision decisions plan plans project projects programme programs initiative
initiatives proposal proposals idea ideas argument arguments case cases example examples evidence
data figures numbers share shares level levels rate rates record records volume volumes value
values price prices cost costs budget budgets spending funds resources capacity capacities
capability capabilities technology technologies systems weapons arms equipment deliveries contracts
sales purchases orders buyers sellers suppliers customers market client clients partner
seems appears remains became becomes grew grows fell falls rose rises stayed stays kept keeps
made makes took takes gave gives held holds met meets signed signs agreed agrees refused refuses
argued argues noted notes warned warns stressed stresses claimed claims suggested suggests
""".split()
CONNECTORS = ["In practice,", "For now,", "Even so,", "By contrast,", "At the same time,", "Meanwhile,", "Still,", "In short,", "As a result,", "Over time,"]
SYLLABLES = ["ka", "ven", "dor", "li", "mar", "tes", "ro", "vil", "an", "sk", "ber", "ta", "no", "gal", "dri", "os", "ur", "zen", "pa", "lo", "mir", "ek", "sa", "thu", "kor", "vel", "ne", "yr", "qua", "fen"]
ORG_WORDS = ["Council", "Forum", "Union", "Organisation", "Commission", "Assembly", "Community", "Partnership", "Institute", "Agency"]
ORG_QUALIFIERS = ["Northern", "Southern", "Eastern", "Western", "Pacific", "Maritime", "Continental", "Coastal", "Central", "Highland", "Oceanic", "Inland"]
TERM_NOUNS = ["Accord", "Doctrine", "Initiative", "Framework", "Process", "Declaration", "Mechanism", "Pact", "Charter", "Protocol"]
PUBLISHERS = ["Example Review", "Synthetic Policy Institute", "Regional Affairs Quarterly", "Harbour Studies Centre", "Open Strategy Forum"]
TAGS = [f"topic-{i:02d}" for i in range(20)]
KINDS = ["context", "claim", "quotation", "fact-check", "question"]
VERDICTS = ["accurate", "imprecise", "inaccurate", "unverifiable"]


def _name(rng: random.Random, used: set[str], parts: tuple[int, int] = (2, 3)) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*parts))).capitalize()
        if word not in used and len(word) > 3:
            used.add(word)
            return word


def _acronym(words: list[str], used: set[str]) -> str:
    letters = "".join(word[0] for word in words if word[0].isupper())
    candidate, suffix = letters, 2
    while candidate in used or len(candidate) < 3:
        candidate, suffix = f"{letters}{suffix}" if len(letters) >= 3 else f"{letters}X{suffix}", suffix + 1
    used.add(candidate)
    return candidate


@dataclass
class Entity:
    id: str
    kind: str  # "term" or "actor"
    forms: list[str]
    data: dict


@dataclass
class Synthetic:
    terms: list[Entity] = field(default_factory=list)
    actors: list[Entity] = field(default_factory=list)


def make_entities(rng: random.Random) -> Synthetic:
    """60 glossary entries and 100 actors, every surface form unique."""
    used: set[str] = set()
    forms_used: set[str] = set()
    result = Synthetic()

    def unique_forms(forms: list[str]) -> list[str]:
        kept = [form for form in dict.fromkeys(forms) if form not in forms_used]
        forms_used.update(kept)
        return kept

    for number in range(TERMS):
        base = _name(rng, used)
        if number % 3 == 0:  # an acronym with its expansion
            words = [base, rng.choice(["Trade", "Security", "Defence", "Maritime", "Energy"]), "and", rng.choice(["Dialogue", "Cooperation", "Partnership"]), rng.choice(TERM_NOUNS)]
            expansion = " ".join(words)
            term = _acronym(words, used)
            aliases = [f"{base} {words[-1]}"]
            forms = unique_forms([term, expansion, *aliases])
            data = {"term": term, "expansion": expansion, "aliases": aliases}
        elif number % 3 == 1:  # a named agreement
            term = f"{base} {rng.choice(TERM_NOUNS)}"
            aliases = [f"{base} deal"]
            forms = unique_forms([term, *aliases])
            data = {"term": term, "aliases": aliases}
        else:  # a doctrine-like phrase
            term = f"{base} doctrine"
            forms = unique_forms([term])
            data = {"term": term}
        data["definition"] = f"The {forms[0]} is a synthetic entry number {number} used to measure the site. It has no meaning beyond this benchmark."
        result.terms.append(Entity(f"term-{number:02d}", "term", forms, data))

    states: list[str] = []
    for number in range(ACTORS):
        if number < 30:  # states, with a capital as a metonym
            country = _name(rng, used)
            capital = _name(rng, used)
            name = f"Republic of {country}"
            data = {"name": name, "type": "state", "aliases": [country, capital]}
            states.append(f"actor-{number:03d}")
        elif number < 60:  # organisations with an acronym
            words = [rng.choice(ORG_QUALIFIERS), _name(rng, used), rng.choice(ORG_WORDS)]
            name = " ".join(words)
            data = {"name": name, "type": "organization", "aliases": [_acronym(words, used)]}
            if states:
                data["members"] = sorted(rng.sample(states, 3))
        else:  # people, known by their surname too
            first, last = _name(rng, used), _name(rng, used, (2, 3))
            name = f"{first} {last}"
            data = {"name": name, "type": "person", "aliases": [last], "role": f"Analyst at the {rng.choice(PUBLISHERS)}"}
        forms = unique_forms([data["name"], *data["aliases"]])
        data["aliases"] = [alias for alias in data["aliases"] if alias in forms]
        data["summary"] = f"{forms[0]} is synthetic actor number {number}. It exists only for the benchmark."
        result.actors.append(Entity(f"actor-{number:03d}", "actor", forms, data))
    return result


# --------------------------------------------------------------------------- briefs


def _sentence(rng: random.Random, mentions: list[str]) -> str:
    """About 20 words, the given surface forms woven in."""
    words = [rng.choice(FILLER) for _ in range(rng.randint(14, 22))]
    for form in mentions:
        position = rng.randint(1, len(words) - 1)
        words.insert(position, form + ("’s" if rng.random() < 0.1 else ""))
    text = " ".join(words)
    if rng.random() < 0.25:
        text = f"{rng.choice(CONNECTORS)} {text}"
    return text[0].upper() + text[1:] + "."


def _in_a_name(tokens: list[str], at: int, names: list[str]) -> bool:
    """Whether word `at` of a sentence is part of one of `names` there."""
    sentence = " ".join(tokens)
    start = len(" ".join(tokens[:at])) + (1 if at else 0)
    end = start + len(tokens[at])
    return any(found.start() < end and start < found.end() for name in names for found in re.finditer(re.escape(name), sentence))


def make_brief(rng: random.Random, number: int, entities: Synthetic) -> tuple[str, str, dict, str]:
    """(slug, article file text, annotations data, article body)."""
    slug = f"brief-{number:04d}"
    terms = rng.sample(entities.terms, TERMS_PER_BRIEF)
    actors = rng.sample(entities.actors, ACTORS_PER_BRIEF)
    # Every chosen entity once, a third of them again, in a shuffled order.
    queue = [rng.choice(e.forms) for e in terms + actors] + [rng.choice(e.forms) for e in rng.sample(terms + actors, 14)]
    rng.shuffle(queue)
    paragraphs: list[list[str]] = []
    words = 0
    while words < WORDS_PER_BRIEF - 40:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            take = [queue.pop() for _ in range(min(len(queue), rng.choice((0, 1, 1, 2))))]
            sentences.append(_sentence(rng, take))
        paragraphs.append(sentences)
        words += sum(len(s.split()) for s in sentences)
    while queue:  # whatever is left goes into the last paragraph
        paragraphs[-1].append(_sentence(rng, [queue.pop()]))

    # Quotes for the notes: word windows of sentences, each unique in the article.
    flat = " ".join(" ".join(p) for p in paragraphs)
    candidates = [(p, s) for p in range(len(paragraphs)) for s in range(len(paragraphs[p]))]
    rng.shuffle(candidates)
    quotes: dict[tuple[int, int], str] = {}
    for p, s in candidates:
        if len(quotes) == ANNOTATIONS_PER_BRIEF:
            break
        if any(key[0] == p for key in quotes):
            continue
        tokens = paragraphs[p][s].rstrip(".").split()
        size = rng.randint(4, 7)
        start = rng.randint(0, max(0, len(tokens) - size))
        quote = " ".join(tokens[start : start + size])
        if flat.count(quote) == 1:
            quotes[(p, s)] = quote

    # Markdown: a few headings, emphasis, a link, inline code and a list, none touching a quote or inside a name.
    names = [form for entity in terms + actors for form in entity.forms]
    blocks = []
    for p, sentences in enumerate(paragraphs):
        if p and p % 4 == 0:
            blocks.append(f"## {' '.join(rng.choice(FILLER) for _ in range(3)).capitalize()} {p // 4}")
        styled = []
        for s, sentence in enumerate(sentences):
            if (p, s) not in quotes and rng.random() < 0.15:
                tokens = sentence.split()
                i = rng.randrange(len(tokens) - 1)
                if tokens[i].isalpha() and tokens[i].islower():
                    style = rng.choice(("*{}*", "**{}**", "`{}`", "[{}](https://example.org/source)"))
                    if not _in_a_name(tokens, i, names):  # (a name cut by formatting is not linked, and is a problem)
                        tokens[i] = style.format(tokens[i])
                sentence = " ".join(tokens)
            styled.append(sentence)
        if p % 7 == 3 and all((p, s) not in quotes for s in range(len(sentences))):
            blocks.append("\n".join(f"- {sentence}" for sentence in styled))
        else:
            blocks.append(" ".join(styled))
    body = "\n\n".join(blocks) + "\n"

    people = [a for a in entities.actors if a.data["type"] == "person"]
    authors = [a.id for a in rng.sample(people, rng.choice((1, 1, 2)))]
    fields = {
        "title": f"Synthetic brief {number}: {' '.join(rng.choice(FILLER) for _ in range(4))}",
        "source": {
            "publisher": rng.choice(PUBLISHERS),
            "url": f"https://example.org/briefs/{slug}",
            "published": f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "authors": authors,
        },
        "summary": f"A synthetic brief about {terms[0].forms[0]} and {actors[0].forms[0]}, generated for the benchmark.",
        "takeaways": [f"{terms[1].forms[0]} matters to {actors[1].forms[0]}.", "Nothing here is real."],
        "tags": sorted(rng.sample(TAGS, rng.randint(1, 3))),
    }
    notes = []
    for index, ((p, s), quote) in enumerate(sorted(quotes.items())):
        kind = KINDS[index % len(KINDS)]
        note = {"id": f"note-{index + 1}", "kind": kind, "quote": quote}
        if kind == "quotation":
            note["speaker"] = rng.choice(people).id
        else:
            note["body"] = f"Synthetic note {index + 1} on this passage, with *emphasis* and a [source](https://example.org/notes/{slug})."
        if kind == "fact-check":
            note["verdict"] = rng.choice(VERDICTS)
        if index % 2 == 0:
            note["terms"] = [rng.choice(terms).id]
        if index % 3 == 0:
            note["actors"] = [rng.choice(actors).id]
        notes.append(note)
    text = "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n" + body
    return slug, text, {"annotations": notes}, body


def generate(root: Path, size: int, seed: int = SEED) -> dict[str, Path]:
    """Write the plugin project and the stock project for `size` briefs under `root`."""
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    entities = make_entities(rng)
    plugin, stock = root / "plugin", root / "stock"
    for folder in ("articles", "glossary", "actors"):
        (plugin / "briefs" / folder).mkdir(parents=True)
    (plugin / "docs").mkdir()
    (stock / "docs" / "briefs").mkdir(parents=True)

    def dump(path: Path, data: dict) -> None:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")

    for entity in entities.terms:
        dump(plugin / "briefs" / "glossary" / f"{entity.id}.yml", entity.data)
    for entity in entities.actors:
        dump(plugin / "briefs" / "actors" / f"{entity.id}.yml", entity.data)
    for number in range(size):
        brief_rng = random.Random(f"{seed}-{number}")
        slug, text, notes, body = make_brief(brief_rng, number, entities)
        (plugin / "briefs" / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
        dump(plugin / "briefs" / "articles" / f"{slug}.annotations.yml", notes)
        front = yaml.safe_load(text.split("---\n")[1])
        year = stock / "docs" / "briefs" / front["source"]["published"][:4]  # an archive by year: sections for prune to prune
        year.mkdir(exist_ok=True)
        (year / f"{slug}.md").write_text(f"# {front['title']}\n\n{body}", encoding="utf-8")
    home = "# Synthetic briefs\n\nA generated project for the benchmark.\n"
    (plugin / "docs" / "index.md").write_text(home, encoding="utf-8")
    (stock / "docs" / "index.md").write_text(home, encoding="utf-8")

    repo_config = yaml.load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    plugin_config = {key: value for key, value in repo_config.items() if key not in ("nav", "site_url")}
    plugin_config["site_name"] = "Synthetic briefs"
    plugin_config["nav"] = _existing_nav(repo_config.get("nav", []), plugin / "docs")
    dump(plugin / "mkdocs.yml", plugin_config)

    features = [f for f in repo_config["theme"].get("features", []) if f != "navigation.prune"]
    for name, extra in (("default", []), ("prune", ["navigation.prune"])):
        config = {key: repo_config[key] for key in ("repo_url", "edit_uri", "markdown_extensions") if key in repo_config}
        config["site_name"] = "Synthetic briefs"
        config["theme"] = {**repo_config["theme"], "features": features + extra}
        config["plugins"] = ["search"]
        dump(stock / f"mkdocs-{name}.yml", config)
    _commit(plugin)
    return {"plugin": plugin / "mkdocs.yml", "default": stock / "mkdocs-default.yml", "prune": stock / "mkdocs-prune.yml"}


GENERATED = {"briefs/index.md", "briefs/tags.md", "glossary/index.md", "actors/index.md"}


class _ConfigLoader(yaml.SafeLoader):
    """The repository's mkdocs.yml, its MkDocs tags (`!ENV`) read as nothing: the synthetic sites have no address."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _existing_nav(nav: list, docs: Path) -> list:
    """The repository's navigation, less pages the synthetic project does not have."""
    kept = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            value = _existing_nav(value, docs)
            if not value:
                continue
        elif value not in GENERATED and not (docs / value).exists():
            continue
        kept.append({title: value} if title is not None else value)
    return kept


def _commit(project: Path) -> None:
    """A real site is built from a checkout: make the project a repository with one commit."""
    if shutil.which("git") is None:
        return
    env = {**os.environ, "GIT_AUTHOR_NAME": "Benchmark", "GIT_AUTHOR_EMAIL": "benchmark@example.org", "GIT_COMMITTER_NAME": "Benchmark",
           "GIT_COMMITTER_EMAIL": "benchmark@example.org", "GIT_AUTHOR_DATE": "2024-03-05T12:00:00+00:00",
           "GIT_COMMITTER_DATE": "2024-03-05T12:00:00+00:00", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Synthetic content"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True, capture_output=True)


# --------------------------------------------------------------------------- builds


@dataclass
class Run:
    seconds: float
    peak_mib: float
    timing: dict | None = None


def mkdocs_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def build_once(config: Path, site: Path, timing_file: Path | None = None) -> Run:
    """One `mkdocs build` in a child process: wall time and the child's peak resident memory."""
    env = mkdocs_env(**({TIMING_ENV: str(timing_file)} if timing_file else {}))
    if timing_file and timing_file.exists():
        timing_file.unlink()
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d", str(site)]
    seconds, peak_kib, returncode, output = _launcher().apply(_run_measured, (command, env))
    if returncode != 0 or "WARNING" in output or "ERROR" in output:
        raise SystemExit(f"build of {config} failed or warned:\n{output[-4000:]}")
    timing = json.loads(timing_file.read_text(encoding="utf-8").splitlines()[-1]) if timing_file else None
    return Run(seconds, peak_kib / 1024, timing)


_LAUNCHERS: list[multiprocessing.pool.Pool] = []


def _launcher() -> multiprocessing.pool.Pool:
    """A small process, started once, that starts the builds.

    Linux counts the memory of the process that starts a child in the child's peak (it carries
    it over exec), and this script grows as it loads the projects it measures; the launcher does not.
    """
    if not _LAUNCHERS:
        _LAUNCHERS.append(multiprocessing.get_context("spawn").Pool(1))
    return _LAUNCHERS[0]


def _run_measured(command: list[str], env: dict[str, str]) -> tuple[float, int, int, str]:
    """Run a command: its wall time, peak memory (KiB), exit code and output.

    Peak memory is the larger of the process's own peak resident set size and the most that it and
    the processes it started held at once (sampled): a build that has a second process work beside
    it uses the memory of both.
    """
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=log, env=env)
        together = _TreeMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        log.seek(0)
        peak_kib = max(usage.ru_maxrss, together.stop() // 1024)
        return seconds, peak_kib, os.waitstatus_to_exitcode(status), log.read().decode("utf-8", "replace")


class _TreeMemory:
    """The most memory a process and the processes it started held at once, sampled until `stop`.

    The process's resident set, and each other process's unique set (the pages that are its
    alone): what they share, such as the Python library, is counted once.
    """

    INTERVAL = 0.01  # seconds between samples
    LOOK_FOR_CHILDREN = 10  # every so many samples (listing them reads every process on the machine)

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0  # bytes
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        children: list[psutil.Process] = []
        samples = 0
        while not self._done.wait(self.INTERVAL):
            if samples % self.LOOK_FOR_CHILDREN == 0:
                try:
                    children = self.process.children(recursive=True)
                except psutil.Error:  # ended
                    children = []
            samples += 1
            held = _memory(self.process) + sum(_memory(child, unique=True) for child in children)
            self.peak = max(self.peak, held)

    def stop(self) -> int:
        """The peak, in bytes."""
        self._done.set()
        self._thread.join()
        return self.peak


def _memory(process: psutil.Process, unique: bool = False) -> int:
    """A process's resident set, or its unique set (which costs more to read), in bytes; 0 once it has ended."""
    try:
        return process.memory_full_info().uss if unique else process.memory_info().rss
    except psutil.Error:
        return 0


def interleaved(configs: dict[str, Path], work: Path, runs: int, skip: set[str] = frozenset()) -> dict[str, list[Run]]:
    """Build each site `runs` times, in turn (a b c a b c …), so drift hits all alike."""
    results: dict[str, list[Run]] = {name: [] for name in configs if name not in skip}
    for round_number in range(runs):
        for name, config in configs.items():
            if name in skip:
                continue
            timing = work / "timing.jsonl" if name == "plugin" else None
            run = build_once(config, work / f"site-{name}", timing)
            results[name].append(run)
            print(f"    {name:8} run {round_number + 1}/{runs}: {run.seconds:7.2f} s  {run.peak_mib:6.0f} MiB", flush=True)
    return results


def scaling_runs(plugin_configs: dict[int, Path], work: Path, runs: int) -> dict[int, list[Run]]:
    """The plugin's site at 1,000 and 3,000 briefs built in turn (1,000, 3,000, 1,000, …), as the sites of one size are."""
    work.mkdir(parents=True, exist_ok=True)
    built = interleaved({f"N={size}": plugin_configs[size] for size in SCALING}, work, runs)
    return {size: built[f"N={size}"] for size in SCALING}


def scaling(sizes: dict[int, dict], interleaved_runs: dict[int, list[Run]] | None) -> tuple[float, float] | None:
    """The plugin's median build times at 1,000 and 3,000 briefs: from the builds in turn if run, else each size's own."""
    if interleaved_runs:
        return tuple(median_seconds(interleaved_runs[size]) for size in SCALING)
    if all(size in sizes for size in SCALING):
        return tuple(median_seconds(sizes[size]["runs"]["plugin"]) for size in SCALING)
    return None


@functools.lru_cache(maxsize=1)
def _loaded(project: Path):  # noqa: ANN202 (the plugin's LoadResult, imported from the repository)
    """The project as the plugin loads it, once for the measurements after a size's builds."""
    if str(REPOSITORY / "plugins") not in sys.path:
        sys.path.insert(0, str(REPOSITORY / "plugins"))
    from policy_briefs.validate import load_project

    return load_project(project)


def linker_throughput(project: Path) -> dict:
    """The linker alone on every text run of every article: MB of text per second."""
    result = _loaded(project)
    from policy_briefs.linker import Linker

    linker = Linker(result.index.by_form)
    texts = [block for article in result.content.articles.values() for block in article.reader_blocks]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    found = sum(len(linker.find(text)) for text in texts)
    best = _best(lambda: [linker.find(text) for text in texts], rounds=5)
    return {"megabytes": megabytes, "seconds": best, "mb_per_s": megabytes / best, "matches": found, "forms": len(linker.forms)}


# Characters without one of which (or a hard line break) a text is a paragraph of plain words for
# Python-Markdown (its inline syntax: emphasis, code, links, images, raw HTML, entities, escapes). Texts
# without any count as free in `content_cost`'s cheapest figure, whatever block syntax they hold.
INLINE_SYNTAX = frozenset("*_`[]<>&\\")
HARD_BREAK = "  \n"
TEXTS_PER_ROOT = 50  # field texts put under one element for the cheapest conversion (more to one saves no more)


def content_cost(project: Path) -> dict:
    """Reference points for the own-time target, per brief: parsing the content's YAML and converting its Markdown fields.

    Each plainly, as a plugin would: PyYAML's C loader on all documents as one stream (a loader per
    file costs more), without the line numbers the plugin keeps for messages; Python-Markdown with no
    extensions and no sanitising on each distinct text the contract types as Markdown (the plugin
    converts each text once). And the cheapest way found to do the same on this content
    (`*_cheapest_ms`): see `_cheapest_yaml` and `_cheapest_markdown`.
    """
    import markdown

    from policy_briefs.pages import markdown_texts

    briefs = project / "briefs"
    documents = [path.read_text(encoding="utf-8") for path in sorted(briefs.rglob("*.yml"))]
    documents += [path.read_text(encoding="utf-8").split("---\n")[1] for path in sorted((briefs / "articles").glob("*.md"))]
    stream = "\n---\n".join(documents)
    texts = list(dict.fromkeys(markdown_texts(_loaded(project).content)))
    marked = [text for text in texts if not INLINE_SYNTAX.isdisjoint(text) or HARD_BREAK in text]
    converter = markdown.Markdown()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    size = sum(1 for _ in (briefs / "articles").glob("*.md"))
    return {
        "yaml_ms": _best(lambda: list(yaml.load_all(stream, Loader=loader))) * 1000 / size,
        "markdown_ms": _best(lambda: [converter.reset().convert(text) for text in texts]) * 1000 / size,
        "texts": len(texts) / size,
        "yaml_cheapest_ms": _best(lambda: _cheapest_yaml(stream)) * 1000 / size,
        "markdown_cheapest_ms": _best(_cheapest_markdown(marked)) * 1000 / size,
        "marked_texts": len(marked) / size,
    }


def _cheapest_yaml(stream: str) -> list:
    """The documents as strings, lists and mappings: PyYAML's C parser and composer, no types resolved, no line numbers kept."""
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

    def construct(node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [construct(item) for item in node.value]
        return {construct(key): construct(value) for key, value in node.value}

    return [construct(node) for node in yaml.compose_all(stream, Loader=loader)]


def _cheapest_markdown(texts: list[str]) -> Callable[[], list[str]]:
    """Python-Markdown's inline step alone on the texts, each taken as one paragraph, 50 under one element, then serialised.

    Texts are grouped by the inline patterns that can match in them (`_can_match`), and only those
    run. A text of several paragraphs, a list or a heading would need the block parser too; one with
    raw HTML, an entity, an escape or a hard line break, the postprocessors. The synthetic content's
    fields hold only emphasis and links: for them the HTML is a full conversion's.
    """
    import xml.etree.ElementTree as etree

    import markdown
    from markdown.serializers import to_html_string

    from policy_briefs.fieldmarkdown import _PATTERN_TRIGGERS

    groups: dict[frozenset[str], list[str]] = {}
    for text in texts:
        groups.setdefault(frozenset(name for name in _PATTERN_TRIGGERS if not _can_match(name, text)), []).append(text)
    work = []
    for unused, group in groups.items():
        converter = markdown.Markdown()
        for name in unused:
            converter.inlinePatterns.deregister(name, strict=False)
        work += [(converter, group[start:start + TEXTS_PER_ROOT]) for start in range(0, len(group), TEXTS_PER_ROOT)]

    def convert() -> list[str]:
        made = []
        for converter, batch in work:
            converter.reset()
            root = etree.Element("div")
            for text in batch:
                etree.SubElement(root, "p").text = text
            inline = converter.treeprocessors["inline"]
            made.append(to_html_string(inline.run(root) or root))
        return made

    return convert


_REFERENCE_PATTERNS = frozenset({"reference", "image_reference", "short_reference", "short_image_ref"})
_IMAGE_PATTERNS = frozenset({"image_link", "image_reference", "short_image_ref"})


def _can_match(pattern: str, text: str) -> bool:
    """Whether one of Python-Markdown's inline patterns can change this text, taken alone.

    Its characters must be there; an image needs a `![`; a reference needs a definition in the same text.
    """
    from policy_briefs.fieldmarkdown import _PATTERN_TRIGGERS

    if not any(char in text for char in _PATTERN_TRIGGERS[pattern]):
        return False
    if pattern in _IMAGE_PATTERNS and "![" not in text:
        return False
    return pattern not in _REFERENCE_PATTERNS or "]:" in text


def _best(work: Callable[[], object], rounds: int = 3) -> float:
    """The fastest of `rounds` runs of `work`, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def search_seconds(config: Path, site: Path) -> float:
    """Seconds Material's search plugin spends on pages (`on_page_context`) in one build, measured in a fresh process."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_timed_search_build, (str(config), str(site)))


def _timed_search_build(config: str, site: str) -> float:
    """Build the site in this process, timing the search plugin's `on_page_context`."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent = [0.0]
    original = SearchPlugin.on_page_context

    def timed(self, context, *, page, config, nav):  # noqa: ANN001, ANN202 (MkDocs' event)
        start = time.perf_counter()
        try:
            return original(self, context, page=page, config=config, nav=nav)
        finally:
            spent[0] += time.perf_counter() - start

    SearchPlugin.on_page_context = timed
    build(load_config(config, site_dir=site))
    return spent[0]


def html_size(site: Path, slug: str) -> int:
    return (site / "briefs" / slug / "index.html").stat().st_size


def html_totals(site: Path) -> dict[str, float]:
    """MB of HTML in brief pages and in entity (glossary and actor) pages."""
    def total(pattern: str) -> float:
        return sum(path.stat().st_size for path in site.glob(pattern)) / 1e6
    return {"briefs": total("briefs/*/index.html"), "entities": total("glossary/*/index.html") + total("actors/*/index.html")}


# --------------------------------------------------------------------------- serve


def serve_flags() -> list[str]:
    """The flags scripts/serve gives `mkdocs serve` (the preview command of the README)."""
    for line in (REPOSITORY / "scripts" / "serve").read_text(encoding="utf-8").splitlines():
        if re.search(r"mkdocs serve", line) and line.strip().startswith("exec"):
            words = shlex.split(line)
            return [w for w in words[words.index("serve") + 1 :] if w != "$@"]
    raise SystemExit("scripts/serve does not run mkdocs serve")


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_serve(config: Path, edits: int = 5) -> dict:
    """Edit one brief while `mkdocs serve` runs; time until the brief and an entry show it."""
    project = config.parent
    article = project / "briefs" / "articles" / "brief-0001.md"
    glossary = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (project / "briefs" / "glossary").glob("*.yml")}
    term_id = sorted(glossary)[7]
    form = glossary[term_id]["term"]
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    flags = serve_flags()
    log = tempfile.TemporaryFile()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}", "-f", str(config)], stdout=log, stderr=log, env=mkdocs_env())
    original = article.read_text(encoding="utf-8")
    results = {"flags": flags, "page": [], "entity": [], "startup": None}
    try:
        deadline = time.monotonic() + 900
        while "Synthetic brief 1:" not in _fetch(base + "briefs/brief-0001/"):
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise SystemExit("mkdocs serve did not start:\n" + log.read().decode("utf-8", "replace")[-4000:])
            time.sleep(0.2)
        results["startup"] = time.perf_counter() - started
        time.sleep(2)  # let the file watcher settle
        for edit in range(edits):
            token = f"Benchmarkedit{edit}x{random.Random(edit).randrange(10**6)}"
            article.write_text(original + f"\n{token} reports that the {form} came up again.\n", encoding="utf-8")
            edited = time.perf_counter()
            page_seen = entity_seen = None
            while page_seen is None or entity_seen is None:
                now = time.perf_counter()
                if now - edited > 120:
                    raise SystemExit("the edit did not show within 120 s")
                if page_seen is None and token in _fetch(base + "briefs/brief-0001/"):
                    page_seen = time.perf_counter() - edited
                if entity_seen is None and token in _fetch(base + f"glossary/{term_id}/"):
                    entity_seen = time.perf_counter() - edited
                time.sleep(0.01)
            results["page"].append(page_seen)
            results["entity"].append(entity_seen)
            print(f"    edit {edit + 1}/{edits}: brief page {page_seen:.2f} s, glossary entry {entity_seen:.2f} s", flush=True)
            time.sleep(1.5)
    finally:
        article.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=30)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
        log.close()
    # MkDocs' own figure for each rebuild (the first line is the initial build).
    results["rebuilds"] = [float(seconds) for seconds in re.findall(r"Documentation built in ([0-9.]+) seconds", output)][1:]
    return results


# --------------------------------------------------------------------------- report


def versions() -> dict[str, str]:
    names = {"mkdocs": "MkDocs", "mkdocs-material": "Material for MkDocs", "markdown": "Python-Markdown", "mkdocs-policy-briefs": "policy-briefs"}
    found = {"Python": platform.python_version()}
    for package, label in names.items():
        try:
            found[label] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[label] = "not installed"
    return found


def revision() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPOSITORY, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "plugins"], cwd=REPOSITORY, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "an unknown revision"
    return f"commit {commit}" + (" with local changes to plugins/" if dirty else "")


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def median(values: list[float]) -> float:
    return statistics.median(values)


def median_seconds(runs: list[Run]) -> float:
    """The median wall time of some builds."""
    return median([run.seconds for run in runs])


def plugin_ms_per_brief(runs: list[Run], size: int) -> tuple[float, dict[str, float]]:
    """Median of the plugin's own time per brief, and the breakdown of that median run."""
    totals = [(run.timing["total"], run.timing) for run in runs if run.timing]
    total, timing = sorted(totals, key=lambda pair: pair[0])[len(totals) // 2]
    parts = {**timing["sections"], **{f"elsewhere: {name}": seconds for name, seconds in timing.get("elsewhere", {}).items()}}
    return total * 1000 / size, {name: seconds * 1000 / size for name, seconds in parts.items()}


def report(sizes: dict[int, dict], serve: dict | None, args: argparse.Namespace, scaled: dict[int, list[Run]] | None = None) -> str:
    lines = [
        "---",
        "search:",
        "  boost: 0.5  # a reader's search lists the briefs, entries and actors first",
        "---",
        "",
        "# Performance",
        "",
        "How long the site takes to build, against stock MkDocs + Material on the same",
        "articles, and how fast the preview shows an edit. This page is written by",
        "`scripts/benchmark.py`; rerun it (see the README) to measure your machine.",
        "",
        f"- Measured: {_SAVED.get('date', dt.date.today().isoformat())} on {_SAVED.get('machine') or machine()}; code at {_SAVED.get('revision') or revision()}",
        "- Versions: " + ", ".join(f"{name} {version}" for name, version in (_SAVED.get("versions") or versions()).items()),
        f"- Synthetic project (seed {SEED}): N briefs of ~{WORDS_PER_BRIEF:,} words with {ANNOTATIONS_PER_BRIEF} annotations each, "
        f"{TERMS} glossary entries and {ACTORS} actors with aliases; each brief mentions {TERMS_PER_BRIEF} terms and {ACTORS_PER_BRIEF} actors, "
        "some of them more than once. The project is a git repository with one commit, as a checkout would be.",
        "- **a** the plugin's site: the repository's `mkdocs.yml` (theme, features incl. `navigation.prune`, plugins); brief, glossary, actor and index pages generated.",
        "- **b** stock MkDocs + Material + search, the same article bodies as ordinary pages filed by year (`docs/briefs/<year>/<slug>.md`), "
        "all in the default navigation; the repository's theme, features (less `navigation.prune`) and Markdown extensions.",
        "- **c** as b, with `navigation.prune` (the repository's features exactly).",
        f"- Each build is a fresh `mkdocs build` process, run interleaved a b c a b c … {args.runs} times; the figures are medians. "
        "Peak memory is the most memory the build's processes held at once: the build process's maximum resident set size, "
        "or, if larger, its resident set and the unique set of each process it started (their own pages, what they share counted once), "
        "together, sampled every 10 ms.",
        "- The plugin's own time is measured inside the build (`POLICY_BRIEFS_TIMING`): all its events, the Markdown pass that finds "
        "reader text and mentions, and its treeprocessor during MkDocs' render. MkDocs' own work on the generated pages is not in it, nor "
        "the work a single build of a large site has a second process do meanwhile on another core (converting the fields' Markdown): "
        "that process's processor time is shown beside it.",
        "",
        "## Builds",
        "",
        "| N | a: plugin (fastest–slowest) | b: stock | c: stock + prune | a/b | a/c | peak memory a / b / c | a/b memory | plugin's own time per brief | brief page HTML |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, result in sizes.items():
        runs = result["runs"]
        a = median_seconds(runs["plugin"])
        b = median_seconds(runs["default"]) if "default" in runs else None
        c = median_seconds(runs["prune"])
        mem = {name: median([r.peak_mib for r in rs]) for name, rs in runs.items()}
        own, _ = plugin_ms_per_brief(runs["plugin"], size)
        fmt = lambda v: f"{v:.2f} s" if v is not None else "—"  # noqa: E731
        spread = lambda name: f" ({min(r.seconds for r in runs[name]):.1f}–{max(r.seconds for r in runs[name]):.1f})" if len(runs.get(name, ())) > 1 else ""  # noqa: E731
        ratio = lambda v: f"{a / v:.2f}" if v else "—"  # noqa: E731
        memory = " / ".join(f"{mem[name]:.0f}" if name in mem else "—" for name in ("plugin", "default", "prune")) + " MiB"
        mem_ratio = f"{mem['plugin'] / mem['default']:.2f}" if "default" in mem else f"{mem['plugin'] / mem['prune']:.2f} (vs c)"
        lines.append(
            f"| {size:,} | {fmt(a)}{spread('plugin')} | {fmt(b)}{spread('default') if b else ''} | {fmt(c)}{spread('prune')} | {ratio(b)} | {ratio(c)} "
            f"| {memory} | {mem_ratio} | {own:.2f} ms | {result['html_kib']:.0f} KiB |"
        )
    lines += ["", "The plugin's own time per brief, by part (median run):", "", "| N | " + " | ".join(_PARTS.values()) + " |", "| ---: |" + " ---: |" * len(_PARTS)]
    for size, result in sizes.items():
        _, parts = plugin_ms_per_brief(result["runs"]["plugin"], size)
        lines.append(f"| {size:,} | " + " | ".join(f"{parts.get(key, 0):.3f} ms" for key in _PARTS) + " |")
    lines += _scaling_lines(sizes, scaled)
    linker = next(iter(sizes.values()))["linker"]
    lines += ["", f"Linker: one pattern for {linker['forms']} surface forms finds {linker['matches']:,} mentions in {linker['megabytes']:.2f} MB of reader text "
              f"in {linker['seconds'] * 1000:.0f} ms: **{linker['mb_per_s']:.1f} MB/s** (N = {next(iter(sizes)):,}, best of 5)."]
    if serve:
        flags = " ".join(serve["flags"]) or "(none)"
        lines += [
            "", "## Preview", "",
            f"`mkdocs serve {flags}` (what `scripts/serve` runs) on 127.0.0.1 with N = {serve['size']:,}: a brief is edited "
            f"{len(serve['page'])} times (each time a sentence that mentions a glossary term is added), and after each edit the brief page "
            "and the term's entry page are fetched every 10 ms until both show it. The time includes the file watcher (the plugin "
            "polls the content every 0.2 s; MkDocs waits 0.1 s for quiet) and MkDocs' own rebuild time (\"Documentation built in\").",
            "", "| N | first build and start | edit → brief page | edit → glossary entry's \"Appears in\" | rebuild (MkDocs' figure) |",
            "| ---: | ---: | ---: | ---: | ---: |",
            f"| {serve['size']:,} | {serve['startup']:.1f} s | {median(serve['page']):.2f} s (max {max(serve['page']):.2f}) | "
            f"{median(serve['entity']):.2f} s (max {max(serve['entity']):.2f}) | "
            + (f"{median(serve['rebuilds']):.2f} s (max {max(serve['rebuilds']):.2f})" if serve.get("rebuilds") else "—") + " |",
        ]
    lines += ["", "## Targets (N = 1,000)", ""] + _targets(sizes, serve, scaled) + _content_costs(sizes)
    lines += _remarks(sizes)
    if args.notes and Path(args.notes).exists():
        lines += ["", Path(args.notes).read_text(encoding="utf-8").strip()]
    return "\n".join(lines) + "\n"


_PARTS = {
    "load": "reading and checking files, converting their Markdown",
    "sources": "page sources (Jinja)",
    "finalize": "of which relations",
    "treeprocessor": "treeprocessor (reading articles, links, notes)",
    "tails": "lists after the content (Jinja)",
    "tails: brief.md": "of which briefs",
    "markdown fields": "Markdown of YAML fields (sanitised where shown; converted here only if needed before the second process gives it)",
    "elsewhere: markdown fields": "in a second process, not in the own time: converting the fields' Markdown (its processor time)",
    "page_events": "page events (sanitising, parking HTML)",
    "sanitising": "of all parts, sanitising (nh3: each page's content, each field text shown)",
}


def _remarks(sizes: dict[int, dict]) -> list[str]:
    """Where the plugin's build spends its time, from the figures above."""
    size = 1000 if 1000 in sizes else max(sizes)
    runs = sizes[size]["runs"]
    a = median_seconds(runs["plugin"])
    c = median_seconds(runs["prune"])
    own, parts = plugin_ms_per_brief(runs["plugin"], size)
    others = a - own * size / 1000
    collections = {n: median([r.timing.get("garbage_collection", 0.0) for r in result["runs"]["plugin"] if r.timing]) for n, result in sizes.items()}
    first = next(iter(sizes))
    mentions_per_brief = sizes[first]["linker"]["matches"] / first
    html = sizes[size].get("html_mb") or {"briefs": 0.0, "entities": 0.0}
    return [
        "", "## Where the time goes", "",
        f"At N = {size:,} the plugin's site takes {a:.1f} s: {own * size / 1000:.1f} s is the plugin's own work (table above) and "
        f"{others:.1f} s is MkDocs and Material working on the pages it generates, against {c:.1f} s for the whole stock build with "
        "`navigation.prune`. Each article's Markdown is rendered once (the plugin reads it while MkDocs renders the brief page), "
        "entity lookups are dictionary hits, the linker is one regular expression run once over each text run, and each part "
        "of the plugin's work grows linearly with N (related briefs are ranked on bit sets, not by comparing every pair). "
        "Python's garbage collector (in a single build the plugin freezes what the build keeps after loading, every 100 pages and "
        "once all articles are read, so that each round goes over what was made since) takes "
        + ", ".join(f"{seconds:.1f} s at N = {n:,}" for n, seconds in collections.items())
        + " of the plugin's build.",
        "",
        "- A generated page's Markdown source is its article (or definition) and a short header (HTML from the plugin's template, "
        "stashed as it is for Python-Markdown instead of parsed). The lists after it (a brief's "
        "notes and their popovers, \"In this brief\" and \"Related briefs\"; the uses on glossary and actor pages; the lists of "
        "briefs) are drawn by the plugin's HTML templates once all articles are read and placed by the theme after the content: "
        "neither Python-Markdown nor the search plugin parses them.",
        "- Search indexes a copy of each brief as Markdown alone renders it (made in the treeprocessor before it links and marks: "
        "the same words, half the bytes and two fifths of the tags to parse), and after it the brief's notes (each note's kind, "
        "quote, body and its sources' titles) in one section, so that a search finds a brief by its notes. A generated page is out of the theme's navigation, which marks only the page that lists it (Briefs, Glossary or Actors), so "
        "the navigation is drawn once for all the generated pages of a kind that link to its targets alike, and each page's own item (with its contents, for a phone's menu) is drawn into it.",
        f"- Glossary and actor pages list every sentence that mentions them (about {mentions_per_brief:.0f} mentions per brief): at "
        f"N = {size:,} the {TERMS + ACTORS} entity pages hold {html['entities']:.0f} MB of HTML, the {size:,} brief pages {html['briefs']:.0f} MB.",
        f"- The plugin's own {own:.1f} ms per brief is mostly the lists ({parts.get('tails', 0):.1f} ms), the treeprocessor "
        f"({parts.get('treeprocessor', 0):.1f} ms: the article's reader text, linking its mentions, placing its notes), the page "
        f"sources ({parts.get('sources', 0):.1f} ms, of which {parts.get('finalize', 0):.1f} ms the relations among briefs and entities) "
        f"and reading and checking the files ({parts.get('load', 0):.1f} ms). The Markdown written in YAML (a brief's "
        f"{ANNOTATIONS_PER_BRIEF} note bodies, its summary and takeaways) is converted by Python-Markdown once the content is loaded, "
        "each text once, in a second process on another core while MkDocs renders the pages "
        f"({parts.get('elsewhere: markdown fields', 0):.1f} ms of that process's time per brief, its start included; a page that needs a "
        "text before the process gives it back converts it itself), and sanitised where a page shows it: "
        f"{parts.get('markdown fields', 0):.1f} ms of the own time.",
        "- Memory: MkDocs renders every page before it writes any, and keeps each page's HTML until then. The plugin keeps its "
        "pages' HTML compressed in the meantime (under a quarter of its UTF-8 size) and drops it once the page is written; a single "
        "build lets each article's Markdown go once its page is read. What stays is what the entity pages show: each article's "
        "reader text and where it mentions what. The last rise in every build's peak is the search plugin writing its index.",
    ]


def _content_costs(sizes: dict[int, dict]) -> list[str]:
    """Reference points for the targets: the content's own cost, and the search plugin's time on both sites."""
    result = sizes.get(1000)
    if not result or "content_cost" not in result:
        return []
    cost = result["content_cost"]
    content_ms = cost["yaml_ms"] + cost["markdown_ms"]
    c = median_seconds(result["runs"]["prune"])
    extra_search = result["search"]["plugin"] - result["search"]["prune"]
    _, parts = plugin_ms_per_brief(result["runs"]["plugin"], 1000)
    sanitising = parts.get("sanitising")
    lines = [
        "", "### Reference points", "",
        "Measured in the same run at N = 1,000, apart from the builds above. "
        + ("Each is a library used plainly, except the cheapest cost: the cheapest way found to do the same work on this content." if "yaml_cheapest_ms" in cost
           else "These are not lower bounds: each is a library used plainly."),
        "",
        f"- **The content's own cost.** Parsing the content's YAML takes {cost['yaml_ms']:.2f} ms per brief, with PyYAML's C loader, all files "
        "as one stream, and without the line numbers the plugin keeps for its messages. Converting each distinct Markdown text the "
        f"contract declares ({cost['texts']:.0f} per brief: note bodies, summary, takeaways, definitions) takes {cost['markdown_ms']:.2f} ms "
        f"per brief, with Python-Markdown, no extensions and no sanitising. Together that is {content_ms:.2f} ms per brief, against the "
        "1 ms target for all of the plugin's work.",
    ]
    if "yaml_cheapest_ms" in cost:
        lines += _cheapest_cost(cost, result["linker"])
    lines += [
        f"- **Search.** Material's search plugin spends {result['search']['plugin']:.2f} s on the plugin's pages and "
        f"{result['search']['prune']:.2f} s on the stock pages of build c. That is {extra_search:.2f} s more. It reads each brief without "
        "the mentions, highlights and note markers the plugin adds (a copy that gives the same index), but with the source header, "
        "and it reads the entity and index pages too.",
    ]
    if sanitising is not None:
        lines.append(
            f"- **Sanitising.** In the median build of the plugin's site, nh3 takes {sanitising:.2f} ms per brief: each generated page's "
            "content (and a brief's copy for search) and each field text a page shows, with the rule sets built once. Stock build c "
            "sanitises nothing."
        )
    elsewhere = parts.get("elsewhere: markdown fields", 0.0) > 0
    counted = "The YAML's part of the content's own cost" if elsewhere else "The content's own cost"
    room = (cost["yaml_ms"] if elsewhere else content_ms) + extra_search + (sanitising or 0.0)
    lines.append(
        f"- **Room under a/c.** The a/c target leaves 0.25 × {c:.2f} s = {0.25 * c:.2f} s for everything the plugin's site does beyond "
        f"stock build c. {counted}, search{' and sanitising' if sanitising is not None else ''} above come to {room:.2f} s, "
        "before any name is linked or any note placed, with the pages as the plugin draws them now"
        + (" (the fields' Markdown is converted in a second process while the build goes on: not counted here)." if elsewhere else ".")
    )
    return lines


def _cheapest_cost(cost: dict, linker: dict) -> list[str]:
    """The cheapest way found to parse the content, convert its fields and link its text, against the own-time target."""
    linker_ms = linker["seconds"]  # (for all 1,000 briefs' text: the same figure in ms per brief)
    cheapest = cost["yaml_cheapest_ms"] + cost["markdown_cheapest_ms"] + linker_ms
    return [
        "- **The cheapest cost of three parts of the work.** The cheapest way found so far to do them on this content: "
        f"PyYAML takes {cost['yaml_cheapest_ms']:.2f} ms per brief on the same files with its C parser and composer, no types resolved "
        f"and no line numbers kept. Python-Markdown takes {cost['markdown_cheapest_ms']:.2f} ms per brief on the fields: its inline step "
        f"alone on each text that holds inline syntax ({cost['marked_texts']:.1f} per brief; the others counted as free), each taken as one "
        f"paragraph, {TEXTS_PER_ROOT} at a time, with only the patterns that can match in it. The linker's one pass over a brief's "
        f"text (`Linker.find` on each paragraph's text) takes {linker_ms:.2f} ms per brief at N = 1,000 ({linker['mb_per_s']:.1f} MB/s). Together that "
        f"is {cheapest:.2f} ms per brief, against the 1 ms target for all of the plugin's work, before any file is checked, any note placed, "
        "any page drawn or any HTML sanitised. It is not a proven least: it is the least found.",
    ]


def _scaling_lines(sizes: dict[int, dict], scaled: dict[int, list[Run]] | None) -> list[str]:
    times = scaling(sizes, scaled)
    if times is None:
        return []
    t1, t3 = times
    line = f"Scaling: plugin build time(3,000) / time(1,000) = {t3:.2f} / {t1:.2f} s = **{t3 / t1:.2f}**"
    if not scaled:
        return ["", line + "."]
    low, high = scaling(sizes, None)
    return ["", f"{line}, from {len(scaled[SCALING[0]])} builds of the plugin's site at each size, run in turn (1,000, 3,000, 1,000, …) "
            f"after the builds above, so that the machine's drift hits both sizes alike. The medians in the table, measured "
            f"minutes apart, give {high / low:.2f}."]


def _targets(sizes: dict[int, dict], serve: dict | None, scaled: dict[int, list[Run]] | None = None) -> list[str]:
    rows = ["| target | measured | met |", "| --- | ---: | :---: |"]

    def row(name: str, value: str, ok: bool) -> None:
        rows.append(f"| {name} | {value} | {'yes' if ok else '**no**'} |")

    if 1000 in sizes:
        runs = sizes[1000]["runs"]
        a = median_seconds(runs["plugin"])
        c = median_seconds(runs["prune"])
        if "default" in runs:
            b = median_seconds(runs["default"])
            row("plugin build <= 0.5x stock (default navigation)", f"{a / b:.2f}x", a / b <= 0.5)
            mb = median([r.peak_mib for r in runs["default"]])
        else:
            mb = median([r.peak_mib for r in runs["prune"]])
        row("plugin build <= 1.25x stock with navigation.prune", f"{a / c:.2f}x", a / c <= 1.25)
        own, parts = plugin_ms_per_brief(runs["plugin"], 1000)
        elsewhere = sum(ms for name, ms in parts.items() if name.startswith("elsewhere: "))
        beside = f" (and {elsewhere:.2f} ms in a second process)" if elsewhere else ""
        row("plugin's own work <= 1 ms per brief", f"{own:.2f} ms{beside}", own + elsewhere <= 1)
        ma = median([r.peak_mib for r in runs["plugin"]])
        row("peak memory <= 1.5x stock", f"{ma / mb:.2f}x", ma / mb <= 1.5)
    times = scaling(sizes, scaled)
    if times is not None:
        row("time(3,000) / time(1,000) <= 3.3", f"{times[1] / times[0]:.2f}", times[1] / times[0] <= 3.3)
    if len(sizes) > 1:
        html = [result["html_kib"] for result in sizes.values()]
        row("brief page HTML does not grow with N", " → ".join(f"{kib:.1f} KiB" for kib in html), max(html) - min(html) < 1)
    if serve:
        typical, worst = median(serve["page"]), max(serve["page"])
        row("edit → preview of the brief <= 1.5 s", f"median {typical:.2f} s, slowest {worst:.2f} s", typical <= 1.5)
        same = all(abs(entity - page) < 0.1 for entity, page in zip(serve["entity"], serve["page"]))
        row("the glossary entry's \"Appears in\" shows the edit after the same rebuild", "every time" if same else "not every time", same)
    return rows


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000", help="comma-separated brief counts (default: 100,1000)")
    parser.add_argument("--large", action="store_true", help="also N = 3,000 (the stock default-navigation build takes minutes)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each site per size (median reported; default 3)")
    parser.add_argument("--skip-default", action="store_true", help="leave out site b (stock, default navigation) - the slow one")
    parser.add_argument("--default-max", type=int, help="build site b only up to this N (it takes minutes at 3,000)")
    parser.add_argument("--serve-size", type=int, default=1000, help="N for the preview measurement (default 1,000)")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview measurement")
    parser.add_argument("--no-write", action="store_true", help=f"print only; do not rewrite {PERFORMANCE_PAGE.relative_to(REPOSITORY)}")
    parser.add_argument("--notes", help="a Markdown file appended to the page (remarks on the figures)")
    parser.add_argument("--workdir", type=Path, help="where to generate projects (default: a temporary folder, removed afterwards)")
    parser.add_argument("--save", type=Path, help="also write the raw results to this JSON file")
    parser.add_argument("--report-from", type=Path, help="no measuring: write the page from results saved with --save")
    args = parser.parse_args()
    if args.report_from:
        results, serve, scaled = load_results(args.report_from)
        page = report(results, serve, args, scaled)
        print(page)
        if not args.no_write:
            PERFORMANCE_PAGE.write_text(page, encoding="utf-8")
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.large and 3000 not in sizes:
        sizes.append(3000)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="policy-briefs-benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}\nVersions: {versions()}\nWork folder: {work}", flush=True)
    results: dict[int, dict] = {}
    serve = scaled = None
    plugin_configs: dict[int, Path] = {}
    try:
        for size in sizes:
            print(f"\nN = {size:,}: generating", flush=True)
            configs = generate(work / f"n{size}", size)
            plugin_configs[size] = configs["plugin"]
            skip = {"default"} if args.skip_default or args.default_max is not None and size > args.default_max else set()
            results[size] = {"runs": interleaved(configs, work / f"n{size}", args.runs, skip)}
            results[size]["linker"] = linker_throughput(configs["plugin"].parent)
            results[size]["html_kib"] = html_size(work / f"n{size}" / "site-plugin", "brief-0001") / 1024
            results[size]["html_mb"] = html_totals(work / f"n{size}" / "site-plugin")
            if size <= 1000:
                results[size]["content_cost"] = content_cost(configs["plugin"].parent)
                results[size]["search"] = {name: search_seconds(configs[name], work / f"n{size}" / f"site-{name}") for name in ("plugin", "prune")}
            _summary(size, results[size])
        if all(size in plugin_configs for size in SCALING):
            print("\nScaling: the plugin's site at 1,000 and 3,000 briefs, in turn", flush=True)
            scaled = scaling_runs(plugin_configs, work / "scaling", args.runs)
        if not args.no_serve:
            size = args.serve_size
            print(f"\nServe, N = {size:,}", flush=True)
            configs = generate(work / f"serve{size}", size)
            serve = {**measure_serve(configs["plugin"]), "size": size}
        if args.save:
            save_results(args.save, results, serve, scaled)
        page = report(results, serve, args, scaled)
        print("\n" + page)
        if not args.no_write:
            PERFORMANCE_PAGE.write_text(page, encoding="utf-8")
            print(f"Wrote {PERFORMANCE_PAGE.relative_to(REPOSITORY)}")
    finally:
        for launcher in _LAUNCHERS:
            launcher.terminate()
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def save_results(path: Path, results: dict[int, dict], serve: dict | None, scaled: dict[int, list[Run]] | None = None) -> None:
    plain = {
        str(size): {**{key: value for key, value in result.items() if key != "runs"},
                    "runs": {name: [vars(run) for run in runs] for name, runs in result["runs"].items()}}
        for size, result in results.items()
    }
    scaling_plain = {str(size): [vars(run) for run in runs] for size, runs in scaled.items()} if scaled else None
    path.write_text(json.dumps({"sizes": plain, "serve": serve, "scaling": scaling_plain, "machine": machine(), "versions": versions(), "revision": revision(), "date": dt.date.today().isoformat()}, indent=1), encoding="utf-8")


def load_results(path: Path) -> tuple[dict[int, dict], dict | None, dict[int, list[Run]] | None]:
    """Results saved with `save_results`: per size, the preview's, and the builds in turn for the scaling (if run)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    results = {}
    for size, result in data["sizes"].items():
        results[int(size)] = {**result, "runs": {name: [Run(**run) for run in runs] for name, runs in result["runs"].items()}}
    scaled = {int(size): [Run(**run) for run in runs] for size, runs in data["scaling"].items()} if data.get("scaling") else None
    _SAVED.update(data)
    return results, data.get("serve"), scaled


_SAVED: dict = {}  # machine, versions and revision of saved results, shown instead of this machine's


def _summary(size: int, result: dict) -> None:
    runs = result["runs"]
    line = [f"  N = {size:,}:"]
    for name, rs in runs.items():
        line.append(f"{name} {median_seconds(rs):.2f} s / {median([r.peak_mib for r in rs]):.0f} MiB")
    a = median_seconds(runs["plugin"])
    for name in ("default", "prune"):
        if name in runs:
            line.append(f"a/{'b' if name == 'default' else 'c'} {a / median_seconds(runs[name]):.2f}")
    if runs["plugin"][0].timing:
        own, parts = plugin_ms_per_brief(runs["plugin"], size)
        line.append(f"plugin's own {own:.2f} ms/brief ({', '.join(f'{k} {v:.2f}' for k, v in parts.items())})")
    line.append(f"linker {result['linker']['mb_per_s']:.1f} MB/s; brief HTML {result['html_kib']:.1f} KiB")
    print("; ".join(line), flush=True)


if __name__ == "__main__":
    main()
