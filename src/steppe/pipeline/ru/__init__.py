"""The Russian pipeline: razdel for sentences and words, pymorphy3 for lemmas and cases,
data under steppe/data/ru and steppe/data/kb/ru. It produces the same steppe.facts records
as the English pipeline; `Extractor` sends documents tagged "ru" here."""
