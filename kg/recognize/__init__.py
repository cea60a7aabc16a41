"""Rule-based recognition and linking of actors (issue 3).

One concern per module: :mod:`~kg.recognize.titles` (titles and honorifics),
:mod:`~kg.recognize.compounds` (米中, 日米豪印), :mod:`~kg.recognize.splits`
(split katakana names), :mod:`~kg.recognize.mt_rules` (systematic
machine-translation errors), :mod:`~kg.recognize.fuzzy` (transliteration
variants), :mod:`~kg.recognize.coref` (両国, 同氏), :mod:`~kg.recognize.english`
(English paragraphs), :mod:`~kg.recognize.resolve` (names within a document)
and :mod:`~kg.recognize.gazetteer` (the knowledge base as lookup tables).
Nothing heavy is imported here.
"""
