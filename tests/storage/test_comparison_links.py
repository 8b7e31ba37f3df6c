"""Links to saved comparisons on a real database (SQLite always; PostgreSQL where a server is given): a comparison's
link opens it, whole, for anyone until its maker revokes it; keeping a copy makes the opener's own comparison; a
comparison from before links existed gets one after the upgrade."""

from __future__ import annotations

from typing import Any

from summarizers.storage import Query, Store, open_store
from summarizers.storage.database import connect, upgrade

TEXTS = ["The ministry approved 42 new buses on Monday.", "मंत्रालय ने सोमवार को 45 नई बसों को मंज़ूरी दी।"]


def comparison_record(title: str = "Buses ⇄ बसें") -> dict[str, Any]:
    """A comparison as the Compare page saves it (pages.saved.save_comparison): the `compare` result, the sides'
    texts and the language it was read in."""
    sides = [
        {
            "label": "English",
            "title": "Buses",
            "language": "en",
            "summaries": [
                {
                    "lang": "en",
                    "method": "extractive",
                    "model": "saar-extractive",
                    "text": TEXTS[0],
                    "notice": None,
                    "sentences": [
                        {"text": TEXTS[0], "supported": False, "sources": [{"start": 0, "end": 45, "score": 1.0}]}
                    ],
                    "in_other": [{"supported": False, "checked": True, "missing": ["42"]}],
                }
            ],
        },
        {
            "label": "Hindi",
            "title": "बसें",
            "language": "hi",
            "summaries": [
                {
                    "lang": "hi",
                    "method": "extractive",
                    "model": "saar-extractive",
                    "text": TEXTS[1],
                    "notice": None,
                    "sentences": [
                        {"text": TEXTS[1], "supported": False, "sources": [{"start": 0, "end": 46, "score": 1.0}]}
                    ],
                    "in_other": [{"supported": False, "checked": True, "missing": ["45"]}],
                }
            ],
        },
    ]
    comparison = {
        "sides": sides, "shared": [], "only_a": [], "only_b": [], "checker": "offline", "cautions": [],
        "alignment": [{"a": [0], "b": [0]}],
        "differences": [{"kind": "number", "a": "42", "b": "45", "a_start": 21, "a_end": 23, "b_start": 27,
                         "b_end": 29}],
    }  # fmt: skip
    return {
        "name": title,
        "title": title,
        "text": "\n\n".join(TEXTS),
        "comparison": comparison,
        "texts": TEXTS,
        "reader": None,
    }


def test_a_comparisons_link_opens_it_whole_for_anyone_until_revoked(store: Store) -> None:
    original = comparison_record()
    [entry_id] = store.save("alice", "r", [original], kind="comparison")
    token = store.share("alice", entry_id)
    assert token is not None
    assert store.page("alice").entries[0].link == token
    opened = store.shared(token)
    assert opened is not None
    assert opened.kind == "comparison"
    assert opened.document == {**original, "entry_id": entry_id}
    assert store.revoke("bob", entry_id) is False  # only its maker ends it
    assert store.shared(token) is not None
    assert store.revoke("alice", entry_id) is True
    assert store.shared(token) is None
    assert store.keep_copy("bob", token) is None
    assert store.page("bob").total == 0


def test_keeping_a_copy_of_a_comparison_gives_the_opener_their_own_comparison(store: Store) -> None:
    original = comparison_record()
    [entry_id] = store.save("alice", "r", [original], kind="comparison")
    token = store.share("alice", entry_id)
    store.shared(token)
    assert store.page("bob").total == 0  # opening adds nothing
    copy_id = store.keep_copy("bob", token)
    assert copy_id is not None
    copy = store.entry("bob", copy_id)
    assert copy is not None
    assert copy.kind == "comparison"
    assert copy.document == {**original, "entry_id": copy_id}
    assert copy.link is None
    assert store.page("bob", Query(language="hi")).total == 1  # listed by both sides' languages, as the original
    (line,) = store.export("bob")
    assert line["kind"] == "comparison"
    assert line["differences"] == original["comparison"]["differences"]
    store.delete("alice", entry_id)  # the maker's delete leaves the copy
    assert store.entry("bob", copy_id) is not None


def test_a_comparison_saved_before_links_existed_gets_one_after_the_upgrade(database: str) -> None:
    first = connect(database if "://" in database else f"sqlite:///{database}")
    upgrade(first, "0001")  # the tables as the first version made them: comparisons, no links
    [entry_id] = Store(first).save("alice", "r", [comparison_record()], kind="comparison")  # saved at 0001
    first.dispose()
    store = open_store(database)  # opened by this version: upgraded
    assert store is not None
    token = store.share("alice", entry_id)
    opened = store.shared(token)
    assert opened is not None
    assert opened.kind == "comparison"
    store.engine.dispose()
