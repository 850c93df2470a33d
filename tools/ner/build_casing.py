#!/usr/bin/env python3
"""Builds resources/ner/casing.tsv: how each word is usually written in running news text.

Source: the Groningen Meaning Bank NER subset (Voice of America news, ~1M tokens), whose
texts are described as public domain; only counts derived from it are written, never its
text. The tenth that `dossier eval ner --held-out` scores is left out. Run from the repository root:

    python3 tools/ner/build_casing.py ../shared/data/gmb/ner_dataset.csv

The tagger uses the table where capitals say nothing: headlines written in capitals and
the first word of a sentence ("Will" the verb or Will the name?).
"""
import collections
import csv
import sys

MIN_COUNT = 3  # occurrences away from a sentence start; rarer words are left out
SENTENCES_PER_DOCUMENT = 20  # as NerEvaluation groups GMB; every tenth group is held out


def main(path, out_path="resources/ner/casing.tsv"):
    counts = collections.defaultdict(lambda: [0, 0, 0])  # lower-case, capitalised, all capitals
    with open(path, encoding="cp1252", errors="replace", newline="") as f:
        rows = csv.reader(f)
        next(rows)  # Sentence #,Word,POS,Tag
        first = True
        sentences = 0
        for sentence, word, _pos, _tag in rows:
            if sentence:
                first = True
                sentences += 1
            if ((sentences - 1) // SENTENCES_PER_DOCUMENT) % 10 == 9:
                continue  # held out from training, so not counted either
            if not any(c.isalpha() for c in word):
                continue
            if first:
                first = False
                continue
            c = counts[word.lower()]
            if len(word) > 1 and word.isupper():
                c[2] += 1
            elif word[0].isupper():
                c[1] += 1
            else:
                c[0] += 1
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# word\tclass: lower (written in lower case), title (capitalised), upper (all capitals), mixed\n")
        for word in sorted(counts):
            lower, title, upper = counts[word]
            total = lower + title + upper
            if total < MIN_COUNT or "\t" in word:
                continue
            best = max((lower, "lower"), (title, "title"), (upper, "upper"))
            cls = best[1] if best[0] * 10 >= total * 8 else "mixed"
            out.write(f"{word}\t{cls}\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
