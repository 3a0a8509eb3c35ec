"""What the link classifier reads in one sentence about two named parties.

Analysts type the link between two parties, not the sentence, and most
sentences that name both never state the relation. So the features lean on
what carries over to parties never seen: the kinds of the two names (person,
organisation, place; "X Party", "Y Bank"), whether they share a surname or
one abbreviates the other, and the words between them, on the dependency
path joining them and beside each name, both as words and as the link types
those words hint at (`lexicon.py`). Where a name occurs more than once, the
two mentions closest to each other are read. Two more groups carry the
words that tie the names: the words of each name's own phrase (its title,
apposition, the noun it qualifies: "President X", "X, the son of", "X's
lawyer") and, when the names sit close in the parse ("Ruritanian President
X", "Y co-founder X"), the short dependency path between them with the link
types its words hint at. The names themselves are masked: a model that
learned who "Jane Roe" is would only remember the training set. What kind of
party each name is also comes from the name's own string (`kinds.py`: a
country, an acronym, a person's name), and the link types a name's title
hints at are joined with the kinds of the two names: "President" beside a
person whose other party is an organisation or a country says MANAGER, beside
a person whose other party is a person it says little.

Features are sparse `name=value` strings with weight 1.0; given an embedder,
`featurize` adds the sentence's meaning as 384 dense `vec=` features
(`vectors.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from casegraph.clean.embedding import Embedder
from casegraph.links.kinds import name_kinds, name_shape, resolved_kind, same_territory
from casegraph.links.lexicon import ORG_KINDS, trigger_types
from casegraph.links.mentions import case_flags, name_patterns
from casegraph.links.vectors import vector_features

Features = dict[str, float]

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
"""Named-entity labels that stand for a party: masked in the bag of words, kept as a type."""

KEPT_PUNCT = frozenset({",", "(", "'s", "’s", ":"})
"""Punctuation between two names that says something: apposition, possession."""


@dataclass(frozen=True)
class LinkExample:
    """One sentence that names two parties, as written: `source` and `target` are their names."""

    sentence: str
    source: str
    target: str


@dataclass(frozen=True)
class Located:
    """Where a name sits in a parsed sentence and how it was found (`exact`, `word`)."""

    span: Span
    how: str


def featurize(
    nlp: Language,
    examples: Iterable[LinkExample],
    embedder: Embedder | None = None,
    batch_size: int = 64,
) -> Iterator[Features]:
    """Parse each sentence once and yield its features, in order; with an `embedder`, also the
    sentence-vector features (`vectors.py`)."""
    items = list(examples)
    for start in range(0, len(items), batch_size):
        batch = items[start : start + batch_size]
        docs = nlp.pipe((e.sentence for e in batch), batch_size=batch_size)
        meanings = vector_features(embedder, batch) if embedder is not None else [{}] * len(batch)
        for doc, example, meaning in zip(docs, batch, meanings, strict=True):
            features = sentence_features(doc, example.source, example.target)
            features.update(meaning)
            yield features


SPACY_TYPES = ("type_s=", "type_t=", "types=", "types_any=")
"""Prefixes of the features holding spaCy's entity labels of the two names."""

KIND_FEATURES = ("nk_", "rk_", "rk=", "title_other=", "title2=", "same_territory")
"""Prefixes of the features built on the kinds read from the names' own strings."""


def sentence_features(doc: Doc, source: str, target: str) -> Features:
    """The features of one parsed sentence for the pair (source, target)."""
    features = _reading(doc, source, target)
    features.update(_kinds(source, target, features))
    return features


def _reading(doc: Doc, source: str, target: str) -> Features:
    src, tgt = locate_pair(doc, source, target)
    features: Features = {}
    features.update(_name_features(doc, source, target, src, tgt))
    masked = _masked(src, tgt)
    features.update(_bag_of_words(doc, masked))
    if src is None or tgt is None:
        features["missing"] = 1.0
        return features
    if src.span.start < tgt.span.end and tgt.span.start < src.span.end:
        features["overlap"] = 1.0
        return features
    features.update(_between(doc, src.span, tgt.span))
    features.update(_path(src.span, tgt.span, masked))
    for side, found in (("s", src), ("t", tgt)):
        features.update(_beside(doc, side, found.span, masked))
    features.update(_phrase(src.span, tgt.span, masked))
    features.update(_near(src.span, tgt.span, masked))
    return features


def locate(doc: Doc, name: str) -> Located | None:
    """The name in the sentence: as written, else one of its words (`Gupta` for `Guptas`,
    `Russian` for `Russia`). Case matters for short all-capital names (`US` is not `us`)."""
    name = name.strip()
    if not name:
        return None
    flags = case_flags(name)
    exact = None
    for pattern in name_patterns(name):
        exact = re.search(pattern, doc.text, flags)
        if exact is not None:
            break
    if exact is not None:
        span = doc.char_span(exact.start(), exact.end(), alignment_mode="expand")
        if span is not None:
            return Located(span, "exact")
    for word in sorted(_name_words(name), key=len, reverse=True):
        stem = word[: max(4, len(word) - 1)]
        found = re.search(rf"(?<!\w){re.escape(stem)}", doc.text, flags)
        if found is not None:
            span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
            if span is not None:
                return Located(span, "word")
    return None


def occurrences(doc: Doc, name: str) -> list[Located]:
    """Every mention of the name: as written (also as a prefix, `Russia` in `Russian`), else every
    mention of its longest word found. The same case rule as `locate`."""
    name = name.strip()
    if not name:
        return []
    flags = case_flags(name)
    found = _spans(doc, name_patterns(name), flags, "exact")
    if found:
        return found
    for word in sorted(_name_words(name), key=len, reverse=True):
        stem = word[: max(4, len(word) - 1)]
        found = _spans(doc, [rf"(?<!\w){re.escape(stem)}"], flags, "word")
        if found:
            return found
    return []


def _spans(doc: Doc, patterns: Sequence[str], flags: int, how: str) -> list[Located]:
    found: dict[int, Located] = {}
    for pattern in patterns:
        for match in re.finditer(pattern, doc.text, flags):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and span.start not in found:
                found[span.start] = Located(span, how)
    return list(found.values())


def locate_pair(doc: Doc, source: str, target: str) -> tuple[Located | None, Located | None]:
    """The mentions of the two names nearest each other (fewest tokens between), not overlapping
    where they need not: `Russian President X` rather than a `Russia` at the far end of the sentence."""
    sources, targets = occurrences(doc, source), occurrences(doc, target)
    if not sources or not targets:
        return (sources[0] if sources else None), (targets[0] if targets else None)
    best: tuple[int, Located, Located] | None = None
    for a in sources:
        for b in targets:
            overlap = a.span.start < b.span.end and b.span.start < a.span.end
            gap = len(doc) + 1 if overlap else max(a.span.start, b.span.start) - min(a.span.end, b.span.end)
            if best is None or gap < best[0]:
                best = (gap, a, b)
    assert best is not None
    return best[1], best[2]


def entity_label(doc: Doc, found: Located | None) -> str:
    """The named-entity label over the name, else `O:` and the part of speech of its head."""
    if found is None:
        return "NONE"
    span = found.span
    for ent in doc.ents:
        if ent.start < span.end and span.start < ent.end:
            return str(ent.label_)
    return f"O:{span.root.pos_}"


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", name) if len(w) > 2]


def _name_features(
    doc: Doc, source: str, target: str, src: Located | None, tgt: Located | None
) -> Features:
    """Kinds of the two names and how they relate as strings; the same for every sentence of a pair."""
    s_type, t_type = entity_label(doc, src), entity_label(doc, tgt)
    features = {
        f"type_s={s_type}": 1.0,
        f"type_t={t_type}": 1.0,
        f"types={s_type}|{t_type}": 1.0,
        f"types_any={'|'.join(sorted((s_type, t_type)))}": 1.0,
        f"found={src.how if src else 'none'}|{tgt.how if tgt else 'none'}": 1.0,
    }
    for side, name in (("s", source), ("t", target)):
        for word in re.findall(r"\w+", name.lower()):
            if word in ORG_KINDS:
                features[f"kind_{side}={word}"] = 1.0
    if _stems(source) & _stems(target):
        features["share_word"] = 1.0
    if source.isupper() or target.isupper():
        features["all_capitals"] = 1.0
    if _abbreviates(source, target) or _abbreviates(target, source):
        features["abbreviation"] = 1.0
    return features


def _stems(name: str) -> set[str]:
    """Word stems of a name: `Guptas` and `Ajay Gupta` share `gupta`."""
    return {w.lower().rstrip("s")[:5] for w in _name_words(name)}


def _abbreviates(short: str, long: str) -> bool:
    """`NFC` abbreviates `National Fund of Culture`: the capitals of the long name's words."""
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", long) if w[0].isupper())
    letters = short.replace(".", "").upper()
    return len(letters) > 1 and letters == initials


def _masked(*found: Located | None) -> set[int]:
    return {i for f in found if f is not None for i in range(f.span.start, f.span.end)}


def _bag_of_words(doc: Doc, masked: set[int]) -> Features:
    """Lemmas of the sentence, other names left out, and the link types they hint at."""
    features: Features = {}
    for token in doc:
        if token.i in masked or token.is_punct or token.is_space or token.ent_type_ in NAME_TYPES:
            continue
        lemma = token.lemma_.lower()
        features[f"w={lemma}"] = 1.0
        features.update({f"hint_w={t.value}": 1.0 for t in trigger_types(lemma)})
    return features


def _between(doc: Doc, src: Span, tgt: Span) -> Features:
    """Order, distance and the words between the two names."""
    first, second = (src, tgt) if src.start <= tgt.start else (tgt, src)
    words = [t for t in doc[first.end : second.start] if not t.is_space]
    features: Features = {
        f"order={'st' if first is src else 'ts'}": 1.0,
        f"distance={_bucket(len(words))}": 1.0,
    }
    for token in words:
        if token.is_punct and token.text not in KEPT_PUNCT:
            continue
        if token.ent_type_ in NAME_TYPES:
            features[f"between_name={token.ent_type_}"] = 1.0
            continue
        lemma = token.lemma_.lower()
        features[f"between={lemma}"] = 1.0
        features.update({f"hint_between={t.value}": 1.0 for t in trigger_types(lemma)})
    if len(words) <= 4:
        features["between_all=" + " ".join(t.lemma_.lower() for t in words)] = 1.0
    for token in doc[max(0, first.start - 3) : first.start]:
        features[f"before={token.lemma_.lower()}"] = 1.0
    for token in doc[second.end : second.end + 3]:
        features[f"after={token.lemma_.lower()}"] = 1.0
    return features


def _lemma(token: Token, masked: set[int]) -> str:
    """A token's lemma, or `<name>` where it belongs to one of the two names."""
    return "<name>" if token.i in masked else str(token.lemma_.lower())


def _bucket(n: int) -> str:
    return str(n) if n < 5 else "5-9" if n < 10 else "10-19" if n < 20 else "20+"


def _path(src: Span, tgt: Span, masked: set[int]) -> Features:
    """The dependency path from one name's head up to their common ancestor and down to the other."""
    up, down = dependency_path(src.root, tgt.root)
    if not up:
        return {}
    labels = [t.dep_ for t in up[:-1]] + ["^"] + [t.dep_ for t in down]
    top = up[-1]
    features: Features = {
        "path=" + " ".join(labels): 1.0,
        f"path_length={min(len(up) + len(down), 8)}": 1.0,
        f"path_top={_lemma(top, masked)}": 1.0,
        f"path_top_dep={top.dep_}": 1.0,
    }
    features.update(_frame(up, down))
    for token in up[1:] + down[:-1]:
        if token.i in masked:
            continue
        lemma = token.lemma_.lower()
        features[f"path_word={lemma}"] = 1.0
        features.update({f"hint_path={t.value}": 1.0 for t in trigger_types(lemma)})
    return features


SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
OBJECTS = frozenset({"dobj", "pobj", "attr", "dative", "nsubjpass"})


def _frame(up: list[Token], down: list[Token]) -> Features:
    """A verb with one name as its subject and the other as its object: `X sued Y`, `Y was paid by X`."""
    top = up[-1]
    if top.pos_ not in {"VERB", "AUX"} or len(up) < 2 or not down:
        return {}
    roles = {up[-2].dep_, down[0].dep_}
    if not (roles & SUBJECTS and roles & (OBJECTS | {"prep"})):
        return {}
    lemma = top.lemma_.lower()
    return {f"frame={lemma}": 1.0, **{f"hint_frame={t.value}": 1.0 for t in trigger_types(lemma)}}


def dependency_path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """Tokens from `a` up to the lowest common ancestor (included), then down to `b`.

    Two tokens of one sentence always meet at its root; ([], []) when they do not.
    """
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    depth_b = {t.i: k for k, t in enumerate(up_b)}
    for k, token in enumerate(up_a):
        if token.i in depth_b:
            return up_a[: k + 1], list(reversed(up_b[: depth_b[token.i]]))
    return [], []


def _beside(doc: Doc, side: str, span: Span, masked: set[int]) -> Features:
    """Words right beside one name, its own modifiers and its head: `CEO X`, `X's wife`."""
    head = _lemma(span.root.head, masked)
    features: Features = {f"dep_{side}={span.root.dep_}": 1.0, f"head_{side}={head}": 1.0}
    near = [*doc[max(0, span.start - 2) : span.start], *doc[span.end : span.end + 2]]
    for token in doc[max(0, span.start - 2) : span.start]:
        if token.i not in masked:
            features[f"pre_{side}={token.lemma_.lower()}"] = 1.0
    for token in doc[span.end : span.end + 2]:
        if token.i not in masked:
            features[f"post_{side}={token.lemma_.lower()}"] = 1.0
    modifiers = [c for c in span.root.children if c.i not in masked]
    for child in modifiers:
        if child.dep_ in {"appos", "compound", "amod"}:
            features[f"modifier_{side}={child.lemma_.lower()}"] = 1.0
    for token in _unique([t for t in (*near, *modifiers, span.root.head) if t.i not in masked]):
        features.update({f"hint_{side}={t.value}": 1.0 for t in trigger_types(token.lemma_)})
    return features


def _unique(tokens: Sequence[Token]) -> list[Token]:
    seen: dict[int, Token] = {}
    for token in tokens:
        seen.setdefault(token.i, token)
    return list(seen.values())


PHRASE_POS = frozenset({"NOUN", "ADJ", "PROPN"})


def phrase_tokens(span: Span, masked: set[int]) -> list[Token]:
    """Words of a name's own noun phrase: its title and apposition (`President X`, `X, a lawyer`),
    the noun it qualifies (`X's wife`, `X director`) or the noun it completes (`son of X`)."""
    root = span.root
    found: list[Token] = []
    for child in root.children:
        if child.i in masked or child.is_punct or child.dep_ not in {"compound", "amod", "appos", "nmod"}:
            continue
        found.append(child)
        if child.dep_ == "appos":
            found.extend(c for c in child.children if c.dep_ in {"compound", "amod"} and c.i not in masked)
    head = root.head
    if head.i != root.i and head.i not in masked:
        if root.dep_ in {"compound", "poss", "appos", "nmod"} and head.pos_ in {"NOUN", "PROPN"}:
            found.append(head)
        elif root.dep_ == "pobj" and head.dep_ == "prep":
            noun = head.head
            if noun.pos_ == "NOUN" and noun.i not in masked:
                found.append(noun)
    return [t for t in found if t.pos_ in PHRASE_POS and t.ent_type_ not in NAME_TYPES]


def _phrase(src: Span, tgt: Span, masked: set[int]) -> Features:
    """The words of each name's own phrase, and the link types they hint at."""
    features: Features = {}
    for side, span in (("s", src), ("t", tgt)):
        for token in phrase_tokens(span, masked):
            lemma = token.lemma_.lower()
            features[f"np_{side}={lemma}"] = 1.0
            features[f"np_any={lemma}"] = 1.0
            for link_type in trigger_types(lemma):
                features[f"np_hint_{side}={link_type.value}"] = 1.0
                features[f"np_hint_any={link_type.value}"] = 1.0
    return features


NEAR = 4
"""The most tokens on a dependency path (both names' heads included) that counts as close."""


def _near(src: Span, tgt: Span, masked: set[int]) -> Features:
    """Two names close in the parse: the path with its words (`^ compound amod president` for
    `Ruritanian President X`), the link types those words hint at, and titles the two share."""
    up, down = dependency_path(src.root, tgt.root)
    if not up or len(up) + len(down) > NEAR:
        return {}
    inner = [t for t in up[1:] + down[:-1] if t.i not in masked]
    labels = [t.dep_ for t in up[:-1]] + ["^"] + [t.dep_ for t in down]
    features: Features = {
        "near": 1.0,
        "near_path=" + " ".join(labels + [t.lemma_.lower() for t in inner]): 1.0,
    }
    for token in inner:
        for link_type in trigger_types(token.lemma_.lower()):
            features[f"near_hint={link_type.value}"] = 1.0
    if len(up) + len(down) <= 2:  # one name modifies the other: a title beside them is shared
        for token in [*src.root.children, *tgt.root.children]:
            if token.i not in masked and token.dep_ in {"compound", "appos", "amod"}:
                for link_type in trigger_types(token.lemma_.lower()):
                    features[f"near_title={link_type.value}"] = 1.0
    return features


def _kinds(source: str, target: str, features: Features) -> Features:
    """Kinds of the two names from their own strings, one kind each settled with spaCy's label
    (`kinds.resolved_kind`), and the link types of each name's title joined with those kinds."""
    found: Features = {}
    for side, name in (("s", source), ("t", target)):
        for shape in name_kinds(name):
            found[f"nk_{side}={shape}"] = 1.0
            found[f"nk_any={shape}"] = 1.0
    shapes = (name_shape(source), name_shape(target))
    found[f"nk_pair={shapes[0]}|{shapes[1]}"] = 1.0
    found[f"nk_pair_any={'|'.join(sorted(shapes))}"] = 1.0
    if same_territory(source, target):
        found["same_territory"] = 1.0
    labels = {side: next((k[len(f"type_{side}="):] for k in features if k.startswith(f"type_{side}=")), "")
              for side in ("s", "t")}
    kind = {"s": resolved_kind(source, labels["s"]), "t": resolved_kind(target, labels["t"])}
    found[f"rk_s={kind['s']}"] = 1.0
    found[f"rk_t={kind['t']}"] = 1.0
    found[f"rk={kind['s']}|{kind['t']}"] = 1.0
    found[f"rk_any={'|'.join(sorted(kind.values()))}"] = 1.0
    for name in features:
        for side, other in (("s", "t"), ("t", "s")):
            if name.startswith(f"np_hint_{side}="):
                hint = name[len(f"np_hint_{side}="):]
                found[f"title_other={hint}|{kind[other]}"] = 1.0
                found[f"title2={hint}|{kind[side]}>{kind[other]}"] = 1.0
    return found
