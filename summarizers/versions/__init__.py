"""Two versions of one story, sentence by sentence: which sentences of one translate which of the other
(`alignment`), and where the versions then differ (`differences`): a figure, date or name in the same place with
another value, and sentences only one version has.

Works offline on sentence lengths and the facts (`attribution.facts`) both versions state. Imports: text, attribution.
"""
