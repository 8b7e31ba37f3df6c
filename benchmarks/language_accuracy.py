"""Letter-level language accuracy on the labelled mixed English/Hindi set, broken down by rule.

python benchmarks/language_accuracy.py [tests/data/labelled_mixed.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizers.evaluation import accuracy_by_rule, labelled_documents

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "labelled_mixed.json"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SET
    documents = labelled_documents(json.loads(path.read_text(encoding="utf-8")))
    totals = accuracy_by_rule(documents)
    print(f"{'rule':<18}{'docs':>5}{'letters':>9}{'accuracy':>10}")
    for rule, (right, letters) in sorted(totals.items()):
        count = sum(1 for d in documents if d.rule == rule)
        print(f"{rule:<18}{count:>5}{letters:>9}{right / letters:>10.2%}")
    right = sum(r for r, _ in totals.values())
    letters = sum(n for _, n in totals.values())
    print(f"{'all':<18}{len(documents):>5}{letters:>9}{right / letters:>10.2%}")


if __name__ == "__main__":
    main()
