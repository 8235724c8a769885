"""Extraction throughput against a bare spaCy pass over the same documents, same run.

    python bench/throughput.py [--docs 1000] [--seed 7]

Builds a corpus of news-length documents (the packaged sample articles plus
generated ones that mix event sentences with the background prose real articles
are mostly made of), then times:
  reference  nlp.pipe(texts) with en_core_web_sm's full pipeline (what a plain
             spaCy-based coder would run on every sentence);
  steppe     Extractor.extract_many(documents): events, figures, agreements.
Prints documents per second for both and the ratio steppe / reference (>= 1.0 means
steppe is at least as fast). Times are wall-clock on a noisy machine, so only the
ratio, measured in one run, is meaningful.

Then the same for Russian: generated Russian documents of the same make-up go through
the Russian pipeline; it prints their documents per second and the time per word against
English (the target: Russian at most 2x slower per word).
"""

from __future__ import annotations

import argparse
import random
import time
from importlib.resources import files

from steppe.facts import Document
from steppe.ingest import read_paths
from steppe.pipeline.extract import Extractor
from steppe.pipeline.nlp import load_model

STATES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Russia",
          "China", "Turkey", "Afghanistan", "Iran"]
LEADERS = ["President Tokayev", "Shavkat Mirziyoyev", "Sadyr Japarov", "Emomali Rahmon",
           "the Uzbek foreign minister", "Kazakh officials", "the Kyrgyz government"]
EVENTS = [
    "{a} visited {s} on {d} for talks on water and energy.",
    "{a} and {b} signed an agreement on border demarcation in {d}.",
    "{a} accused {b} of violating the ceasefire along the border.",
    "{a} will host a summit of Central Asian leaders next month.",
    "Trade between {s} and {t} reached $1.{n} billion in 20{y}, up {n}%.",
    "{a} called on {b} to reopen the checkpoints closed since {d}.",
    "Officials said {s} could restrict exports of electricity to {t}.",
]
FILLER = [
    "The region's economies depend heavily on remittances and commodity exports.",
    "Analysts note that infrastructure remains the main bottleneck for regional trade.",
    "Water scarcity has worsened over the past decade as glaciers retreat.",
    "The city has grown rapidly, with new residential districts on its outskirts.",
    "Local media reported that prices of staple goods rose sharply over the winter.",
    "Observers describe the reforms as cautious but consistent with earlier plans.",
    "The meeting took place in a convention centre decorated with national flags.",
    "Experts expect demand for cement and steel to keep rising as construction continues.",
    "Many young people leave rural areas in search of work in the larger cities.",
    "The history of the ancient Silk Road still shapes how the region sees itself.",
]


RU_ACTORS = ["Президент Токаев", "Шавкат Мирзиёев", "Садыр Жапаров", "Эмомали Рахмон",
             "Глава МИД Узбекистана", "Казахстанская делегация", "Правительство Кыргызстана"]
RU_STATES = ["Казахстан", "Узбекистан", "Кыргызстан", "Таджикистан", "Туркменистан", "Россия",
             "Китай", "Турция", "Афганистан", "Иран"]
RU_EVENTS = [
    "{a} посетил {s} {d} для переговоров о воде и энергетике.",
    "{a} и {b} подписали соглашение о демаркации границы {d}.",
    "{a} обвинил {b} в нарушении режима прекращения огня на границе.",
    "{a} в следующем месяце примет саммит лидеров Центральной Азии.",
    "Товарооборот между {s} и {t} в 20{y} году достиг 1,{n} млрд долларов и вырос на {n}%.",
    "{a} призвал {b} открыть пункты пропуска, закрытые {d}.",
    "По словам официальных лиц, {s} может ограничить экспорт электроэнергии в {t}.",
]
RU_FILLER = [
    "Экономика региона во многом зависит от денежных переводов и экспорта сырья.",
    "Аналитики отмечают, что главным препятствием для торговли остается инфраструктура.",
    "За последнее десятилетие нехватка воды усилилась из-за таяния ледников.",
    "Город быстро растет, на его окраинах появляются новые жилые кварталы.",
    "Местные СМИ сообщили, что за зиму цены на основные продукты заметно выросли.",
    "Наблюдатели называют реформы осторожными, но последовательными.",
    "Встреча прошла в конференц-зале, украшенном национальными флагами.",
    "Эксперты ожидают, что спрос на цемент и сталь продолжит расти.",
    "Многие молодые люди уезжают из сел в поисках работы в крупных городах.",
    "История Великого шелкового пути до сих пор влияет на самосознание региона.",
]


def ru_corpus(n: int, seed: int) -> list[Document]:
    """Generated Russian documents of the English ones' make-up (30% event sentences)."""
    rng = random.Random(seed)
    docs = []
    for k in range(n):
        sents = []
        for _ in range(rng.randint(14, 24)):
            if rng.random() < 0.3:
                sents.append(rng.choice(RU_EVENTS).format(
                    a=rng.choice(RU_ACTORS), b=rng.choice(RU_STATES), s=rng.choice(RU_STATES),
                    t=rng.choice(RU_STATES), d=f"{rng.randint(1, 28)} марта 20{rng.randint(10, 24)} года",
                    n=rng.randint(1, 9), y=rng.randint(10, 24)))
            else:
                sents.append(rng.choice(RU_FILLER))
        docs.append(Document(id=f"bench-ru-{k}", text=" ".join(sents), date="2024-05-01", language="ru"))
    return docs


def corpus(n: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    docs = [d for d in read_paths([files("steppe.data") / "corpus"])
            if isinstance(d, Document) and not d.id.endswith("README")]
    while len(docs) < n:
        sents = []
        for _ in range(rng.randint(14, 24)):
            if rng.random() < 0.3:
                sents.append(rng.choice(EVENTS).format(
                    a=rng.choice(LEADERS), b=rng.choice(STATES), s=rng.choice(STATES),
                    t=rng.choice(STATES), d=f"{rng.randint(1, 28)} March 20{rng.randint(10, 24)}",
                    n=rng.randint(1, 9), y=rng.randint(10, 24)))
            else:
                sents.append(rng.choice(FILLER))
        text = " ".join(sents)
        docs.append(Document(id=f"bench-{len(docs)}", text=text, date="2024-05-01"))
    return docs[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs = corpus(args.docs, args.seed)
    texts = [d.text for d in docs]
    chars = sum(map(len, texts))

    extractor = Extractor.load()
    nlp = load_model()
    # Warm both up so that neither pays for first-call costs.
    list(nlp.pipe(texts[:20]))
    list(extractor.extract_many(docs[:20]))

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    ref = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = sum(len(f.events) for _, f in extractor.extract_many(docs, batch_size=64))
    ours = time.perf_counter() - t0

    print(f"documents: {len(docs)}  characters: {chars:,}  events found: {n_events}")
    print(f"reference  spaCy nlp.pipe       {len(docs) / ref:8.1f} docs/s  ({ref:.1f} s)")
    print(f"steppe     full extraction      {len(docs) / ours:8.1f} docs/s  ({ours:.1f} s)")
    print(f"ratio steppe/reference: {ref / ours:.2f}  (>= 1.0: steppe at least as fast)")

    ru_docs = ru_corpus(max(1, args.docs // 2), args.seed)
    list(extractor.extract_many(ru_docs[:20]))              # loads the Russian pipeline
    t0 = time.perf_counter()
    ru_events = sum(len(f.events) for _, f in extractor.extract_many(ru_docs, batch_size=64))
    ru_time = time.perf_counter() - t0
    en_words = sum(len(t.split()) for t in texts)
    ru_words = sum(len(d.text.split()) for d in ru_docs)
    per_word = (ru_time / ru_words) / (ours / en_words)
    print(f"russian    full extraction      {len(ru_docs) / ru_time:8.1f} docs/s  ({ru_time:.1f} s, "
          f"{len(ru_docs)} documents, {ru_events} events)")
    print(f"time per word russian/english: {per_word:.2f}  (<= 2.0: within the target)")


if __name__ == "__main__":
    main()
