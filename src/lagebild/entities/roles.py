"""Role nouns as mentions of persons, and titles fused with the names they precede.

German news names a person by office more often than by name: "der russische Präsident",
"Nordkoreas Machthaber", "der Kreml-Chef". A role noun (found in the KB's role-noun index)
becomes a mention; the country comes from a country adjective in front of it, a country in the
genitive before or after it ("Nordkoreas Machthaber", "der Präsident Frankreichs"), "von X"
after it, or the noun itself ("Kreml-Chef"). A role noun directly before a person's name
("Außenminister Sergej Lawrow") is that person's title: one name mention, role recorded.
Plurals ("die Staatschefs Putin und Kim") name several people and are not mentions.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from lagebild.entities.mentions import Candidate, Lexicon
from lagebild.entities.protocols import KbLike
from lagebild.nlp.morphology import morph_values

MAX_NAME_TOKENS = 4
_NEW = object()  # `RoleFinder._scan` has no entry for the text yet


class RoleFinder:
    """Looks up role nouns and country adjectives through the KB, memoised per surface form."""

    def __init__(self, kb: KbLike, lexicon: Lexicon) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self._roles: dict[str, Any] = {}
        self._adjectives: dict[str, str | None] = {}
        self._countries: dict[str, str | None] = {}
        # token text -> the role `find` uses for it: `self._roles[text]` once that is set,
        # None for a text that is not title case (`role()` is None for it)
        self._scan: dict[str, Any] = {}

    def role(self, token: Token) -> Any:
        """The KB RoleNoun for a token, or None (only capitalised words are looked up)."""
        text = token.text
        if not title_case(text):
            return None
        if text not in self._roles:
            found = self.kb.role_by_noun(text)
            if found is None and token.lemma_ and token.lemma_ != text:
                found = self.kb.role_by_noun(token.lemma_)
            self._roles[text] = found
        return self._roles[text]

    def adjective_country(self, token: Token) -> str | None:
        """ISO-3 of a country adjective ("nordkoreanische" -> "PRK"), else None."""
        text = token.text
        if not text[:1].islower():
            return None
        if text not in self._adjectives:
            country = self.kb.country_by_adjective(text)
            self._adjectives[text] = getattr(country, "iso3", None) if country else None
        return self._adjectives[text]

    def genitive_country(self, token: Token) -> str | None:
        """ISO-3 of a country name in the genitive ("Nordkoreas", "Frankreichs"), else None."""
        text = token.text
        if not text[:1].isupper() or not text.endswith(("s", "'")):
            return None
        found = self.country_name(text)
        if found is None and text.endswith("s"):
            found = self.country_name(text[:-1])  # "Spaniens": not every KB lists it
        return found

    def country_name(self, text: str) -> str | None:
        """ISO-3 of a country name in any case form."""
        if text not in self._countries:
            country = self.kb.country_by_name(text)
            self._countries[text] = getattr(country, "iso3", None) if country else None
        return self._countries[text]

    def find(
        self, doc: Doc, names: list[Candidate], texts: list[str] | None = None
    ) -> tuple[list[Candidate], list[Candidate]]:
        """Fuse titles with names and find role mentions; `texts` are the token texts when
        the caller has read them already.

        Returns the updated name candidates and the role candidates (both in document order).
        """
        names = [self._split_title(doc, c) for c in names if not self._lone_title(doc, c)]
        name_at = {c.name_start: c for c in names}
        covered = {i for c in names for i in range(c.name_start, c.end)}
        roles: list[Candidate] = []
        texts = texts if texts is not None else [t.text for t in doc]
        # `role()` is None unless the word is capitalised: only those words are visited. The
        # texts already seen are looked up in `_scan` (one dict look-up); only role words and
        # new texts remain (in text order, and `role()` is called exactly where it was before).
        scan = self._scan
        if len(scan) > 200_000:
            scan.clear()
        visit = [i for i, text in enumerate(texts) if scan.get(text, _NEW) is not None]
        for i in visit:
            text = texts[i]
            role = scan.get(text, _NEW)
            if role is _NEW:
                if i in covered:
                    continue
                if not title_case(text):
                    scan[text] = None
                    continue
                # a memoised form needs no Token (`role()` would return the memo entry)
                role = self._roles[text] if text in self._roles else self.role(doc[i])
                scan[text] = role
            elif i in covered:
                continue
            if role is None:
                continue
            token = doc[i]
            cand = self._role_candidate(doc, i, role)
            if _is_plural(doc, cand, token) or self._names_several(doc, i, name_at):
                continue
            name = name_at.get(i + 1)
            if name is None and i + 1 not in covered:
                after = name_at.get(i + 2)
                if after is not None and _first_name_as_noun(doc, i + 1, after):
                    # "Oppositionsführer Sadiq Khan": the tagger read the first name as a
                    # noun, the NER found only the surname
                    after.start = after.name_start = i + 1
                    name = name_at[i + 1] = after
                else:
                    name = _proper_noun_run(doc, i + 1)
                    if name is not None:
                        names.append(name)
            if name is None or name.label not in (None, "PER", "MISC") or name.kind != "name":
                appositive = self._appositive_name(doc, i, cand, names, name_at, covered)
                if appositive is not None:
                    # "der Präsident Indonesiens, Susilo Bambang Yudhoyono": the name keeps its
                    # span and takes the title; the role mention joins it (`cand.holder`)
                    appositive.role, appositive.role_text = role, token.text
                    appositive.country = appositive.country or cand.country
                    appositive.gender = appositive.gender or cand.gender
                    appositive.former = cand.former
                    appositive.label = "PER"
                    cand.holder = appositive
                    roles.append(cand)
                    continue
            if name is not None and name.label in (None, "PER", "MISC") and name.kind == "name":
                # title + name: one mention of the person, with the role recorded; proper
                # nouns right after the name belong to it ("Staatspräsident Georgi Parwanow"
                # where the NER stopped after "Georgi")
                while (
                    name.end < len(doc)
                    and name.end not in covered
                    and name.end - name.name_start < MAX_NAME_TOKENS
                    and doc[name.end].pos_ == "PROPN"
                    and title_case(doc[name.end].text)
                ):
                    covered.add(name.end)
                    name.end += 1
                name.start = min(cand.start, name.start)
                name.role, name.role_text = role, token.text
                name.country = cand.country
                name.gender = name.gender or cand.gender
                name.former = cand.former
                name.label = "PER"
            else:
                roles.append(cand)
        return sorted(names, key=lambda c: c.start), roles

    def _lone_title(self, doc: Doc, cand: Candidate) -> bool:
        """A one-word NER "name" that is a role noun ("Oppositionsführer" tagged PER in front
        of the name it missed) is no name: the role scan reads it and the name after it."""
        return (
            cand.kind == "name"
            and cand.end - cand.start == 1
            and not cand.kb_ids
            and cand.label in (None, "PER", "MISC")
            and self.role(doc[cand.start]) is not None
        )

    def _split_title(self, doc: Doc, cand: Candidate) -> Candidate:
        """An NER span that starts with a role noun ("Präsident Macron") keeps only the name."""
        if cand.kind != "name" or cand.end - cand.start < 2:
            return cand
        j = cand.start
        while j < cand.end - 1 and (
            self.role(doc[j]) is not None
            or self.adjective_country(doc[j]) is not None
            or (j == cand.start and self.genitive_country(doc[j]) is not None)
        ):
            j += 1
        if j > cand.start and self.role(doc[j - 1]) is not None:
            cand.start = cand.name_start = j
            if cand.label in (None, "MISC"):
                cand.label = "PER"
        return cand

    def _appositive_name(
        self,
        doc: Doc,
        i: int,
        cand: Candidate,
        names: list[Candidate],
        name_at: dict[int, Candidate],
        covered: set[int],
    ) -> Candidate | None:
        """The person a comma apposition names after the role noun at `i`: "der Präsident
        Indonesiens, Susilo Bambang Yudhoyono," / "Der Kommissionspräsident der Afrikanischen
        Union (AU), Alpha Omar Konaré,". Between the noun and the comma only the office's
        country or organisation may stand (a genitive country, "der/des/von" + a place or
        organisation name, a bracketed short name); the name (NER or KB name, or tagged proper
        nouns the NER missed, which extend a name right after them) must end the apposition
        (punctuation or the end follows). A role inside the genitive of a person noun
        ("Kritiker des Ministerpräsidenten, X") is no head of an apposition."""
        n = len(doc)
        j = i + 1
        if j < n and self.genitive_country(doc[j]) is not None:
            j += 1
        elif j < n and doc[j].text in ("der", "des", "von"):
            org = name_at.get(j + 1)
            if org is None or org.label == "PER":
                return None
            j = org.end
            # the office's organisation gives its code ("der Afrikanischen Union" -> AU)
            actor = self.kb.actor(org.kb_ids[0]) if org.kb_ids else None
            cand.country = getattr(actor, "country", None) or cand.country
            if j + 2 < n and doc[j].text == "(" and doc[j + 2].text == ")":
                j += 3
        if j + 1 >= n or doc[j].text != "," or doc[j + 1].is_sent_start:
            return None
        k = j + 1
        name = name_at.get(k)
        if name is None:
            if k in covered:
                return None
            name = _proper_noun_run(doc, k)
            if name is None:
                return None
            after = name_at.get(name.end)
            if after is not None and after.label in (None, "PER", "MISC") and not after.kb_ids:
                after.start = after.name_start = k  # "Abhisit" (PROPN) + "Vejjajiva" (PER)
                name = after
            else:
                names.append(name)
                name_at[k] = name
                covered.update(range(name.start, name.end))
        if name.kind != "name" or name.label not in (None, "PER", "MISC") or name.role:
            return None
        if name.end < n and not doc[name.end].is_punct:
            return None
        if self._in_person_genitive(doc, cand):
            return None
        return name

    def _in_person_genitive(self, doc: Doc, cand: Candidate) -> bool:
        """"Kritiker des Ministerpräsidenten", "Sprecher des Präsidenten": the role phrase is
        the genitive of a noun that names a person (a role noun, or "-er"/"-in")."""
        if cand.start < 1 or doc[cand.start].text != "des":
            return False
        head = doc[cand.start - 1]
        if not title_case(head.text):
            return False
        return self.role(head) is not None or head.text.endswith(("er", "in", "innen"))

    def _role_candidate(self, doc: Doc, i: int, role: Any) -> Candidate:
        """The role mention around the noun at `i`, with its country and gender."""
        token = doc[i]
        start = i
        country: str | None = None
        former = False
        possessive: str | None = None
        indefinite = False
        j = i - 1
        while j >= 0 and not doc[j].is_punct and doc[j + 1].is_sent_start is not True:
            word = doc[j]
            low = word.text.lower()
            adj_country = self.adjective_country(word)
            if adj_country:
                country = country or adj_country
                start = j
            elif low in self.lexicon.former_adjectives:
                former = True
                start = j
            elif low in self.lexicon.possessives and j == start - 1:
                possessive = self.lexicon.possessives[low]
                start = j
                break
            elif low in self.lexicon.determiners:
                start = j
                indefinite = low.startswith("ein")
                break
            elif _is_attributive_adjective(word):
                start = j
            else:
                if j == start - 1 and country is None:
                    country = self.genitive_country(word)
                    if country is not None:
                        start = j  # "Nordkoreas Machthaber": the phrase names the person
                break
            j -= 1
        if country is None:
            country = self._country_after(doc, i)
        if country is None:
            country = getattr(role, "country", None)
        gender = getattr(role, "gender", None) or _morph_gender(token)
        if gender is None and token.text.endswith(("in", "innen")):
            gender = "f"
        return Candidate(
            start,
            i + 1,
            "role",
            label="PER",
            role=role,
            role_text=token.text,
            country=country,
            gender=gender,
            former=former,
            possessive=possessive,
            indefinite=indefinite,
        )

    def _country_after(self, doc: Doc, i: int) -> str | None:
        """"der Präsident Frankreichs", "der Präsident von Frankreich"."""
        if i + 1 >= len(doc):
            return None
        nxt = doc[i + 1]
        found = self.genitive_country(nxt)
        if found:
            return found
        if nxt.text.lower() in self.lexicon.country_prepositions and i + 2 < len(doc):
            return self.country_name(doc[i + 2].text)
        return None

    def _names_several(self, doc: Doc, i: int, name_at: dict[int, Candidate]) -> bool:
        """"Staatschefs Putin und Kim", "Staatschefs von Nordkorea und Russland"."""
        j = i + 1
        if j < len(doc) and doc[j].text.lower() in self.lexicon.country_prepositions:
            j += 1
        first = name_at.get(j)
        end = first.end if first is not None else j + 1
        if end + 1 < len(doc) and doc[end].text.lower() in self.lexicon.coordinators:
            return end + 1 in name_at or self.country_name(doc[end + 1].text) is not None
        return False


def title_case(text: str) -> bool:
    """Capital then lower-case letter: the only shape a role noun is looked up in."""
    return text[:1].isupper() and text[1:2].islower()


def _is_plural(doc: Doc, cand: Candidate, token: Token) -> bool:
    """Plural by the tagger, unless the phrase itself shows a singular: a weak adjective in
    "-e" ("der russische Präsident") or a singular verb the noun is the subject of."""
    if "Plur" not in morph_values(token, "Number"):
        return False
    for word in doc[cand.start : token.i]:
        if word.text.islower() and word.text.endswith("e") and word.pos_ == "ADJ":
            return False
    if token.dep_ in ("sb", "nsubj") and "Sing" in morph_values(token.head, "Number"):
        return False
    return True


def _proper_noun_run(doc: Doc, start: int) -> Candidate | None:
    """A name the NER missed right after a title: up to four tagged proper nouns; the first
    may be a capitalised word the tagger read as a noun when a proper noun follows ("Sadiq
    Khan" with "Sadiq" as NOUN)."""
    end = start
    if start + 1 < len(doc) and doc[start].pos_ in ("NOUN", "X") and doc[start + 1].pos_ == "PROPN":
        if title_case(doc[start].text):
            end = start + 1
    while end < len(doc) and end - start < MAX_NAME_TOKENS and doc[end].pos_ == "PROPN":
        end += 1
    if end == start:
        return None
    return Candidate(start, end, "name", label="PER")


def _first_name_as_noun(doc: Doc, i: int, name: Candidate) -> bool:
    """Is the word at `i`, right before the one-word NER name `name`, its first name read as
    a noun ("Sadiq" in "Oppositionsführer Sadiq Khan")?"""
    return (
        name.kind == "name"
        and name.label in (None, "PER", "MISC")
        and name.end - name.start == 1
        and not name.role
        and doc[i].pos_ in ("NOUN", "X", "PROPN")
        and title_case(doc[i].text)
    )


def _morph_gender(token: Token) -> str | None:
    gender = morph_values(token, "Gender")
    if gender == ["Masc"]:
        return "m"
    if gender == ["Fem"]:
        return "f"
    return None


def _is_attributive_adjective(token: Token) -> bool:
    """An adjective in front of a role noun ("neue", "amtierende"): by tag, else by shape."""
    if token.pos_:
        return token.pos_ == "ADJ" and token.text[:1].islower()
    text = token.text
    return text.islower() and text.endswith(("e", "en", "er", "es", "em")) and len(text) > 3
