"""The saved library on a real database (SQLite always; PostgreSQL where a server is given): what is saved comes
back exactly, each owner sees only their own, search, filters and pages, delete, export and links."""

from __future__ import annotations

import json
import string
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from summarizers.schema import SCHEMA_VERSION
from summarizers.storage import Query, Store, open_store
from summarizers.storage.store import TOKEN_BYTES
from summarizers.storage.tables import Entry
from tests.storage.conftest import document

ARTICLE = "The council approved 42 new buses on Monday. Routes open in March. मेट्रो की नई लाइन अगले साल खुलेगी।"


def test_an_empty_library_has_no_entries(store: Store) -> None:
    page = store.page("nobody")
    assert page.entries == []
    assert page.total == 0
    assert list(store.export("nobody")) == []


def test_a_saved_document_comes_back_exactly(store: Store) -> None:
    original = document(ARTICLE, "Buses", langs=("en", "hi"), published="2026-12-01")
    [entry_id] = store.save("alice", "run-1", [original])
    saved = store.entry("alice", entry_id)
    assert saved is not None
    assert saved.document == {**original, "entry_id": entry_id}
    assert saved.created.tzinfo is not None
    assert saved.created > datetime.now(UTC) - timedelta(minutes=5)


def test_documents_that_could_not_be_read_are_not_saved(store: Store) -> None:
    ids = store.save("alice", "run-1", [{"name": "x.pdf", "title": "x.pdf", "error": "corrupt"}, document(ARTICLE)])
    assert len(ids) == 1
    assert store.page("alice").total == 1


def test_an_owner_sees_only_their_own_entries(store: Store) -> None:
    [mine] = store.save("alice", "run-1", [document("Alice's article about trains.")])
    store.save("bob", "run-2", [document("Bob's article about ships.")])
    assert [saved.id for saved in store.page("alice").entries] == [mine]
    assert store.entry("bob", mine) is None
    assert store.delete("bob", mine) is False
    assert store.share("bob", mine) is None
    assert store.page("alice").total == 1


def test_search_finds_words_of_the_title_or_text_in_any_case(store: Store) -> None:
    store.save("alice", "r", [document("Trains run late in Delhi.", "Rail news")])
    store.save("alice", "r", [document("दिल्ली में बारिश हुई।", "मौसम")])
    store.save("alice", "r", [document("Ships dock at 100% capacity_today.", "Ports")])
    assert [s.document["title"] for s in store.page("alice", Query(words="RAIL")).entries] == ["Rail news"]
    assert [s.document["title"] for s in store.page("alice", Query(words="delhi")).entries] == ["Rail news"]
    assert [s.document["title"] for s in store.page("alice", Query(words="बारिश")).entries] == ["मौसम"]
    # LIKE's wildcards are searched for as themselves
    assert [s.document["title"] for s in store.page("alice", Query(words="100%")).entries] == ["Ports"]
    assert store.page("alice", Query(words="y_t")).total == 1
    assert store.page("alice", Query(words="%")).total == 1


def test_the_language_filter_keeps_entries_with_a_summary_in_it(store: Store) -> None:
    store.save("alice", "r", [document("English only text here.", langs=("en",))])
    store.save("alice", "r", [document("Both languages in this one.", langs=("en", "hi"))])
    store.save("alice", "r", [document("केवल हिन्दी पाठ।", langs=("hi",))])
    assert store.page("alice", Query(language="hi")).total == 2
    assert store.page("alice", Query(language="en")).total == 2
    assert store.page("alice", Query(language="ur")).total == 0


def test_the_date_filter_takes_whole_days(store: Store) -> None:
    ids = [store.save("alice", "r", [document(f"Article number {n}.")])[0] for n in range(3)]
    days = [
        datetime(2026, 11, 1, 23, 59, tzinfo=UTC),
        datetime(2026, 11, 2, 0, 0, tzinfo=UTC),
        datetime(2026, 11, 3, 12, tzinfo=UTC),
    ]
    with store.engine.begin() as connection:
        for entry_id, day in zip(ids, days, strict=True):
            connection.execute(update(Entry).where(Entry.id == entry_id).values(created=day))
    on_the_second = store.page("alice", Query(since=days[1].date(), until=days[1].date()))
    assert [saved.id for saved in on_the_second.entries] == [ids[1]]
    assert store.page("alice", Query(since=days[1].date())).total == 2
    assert store.page("alice", Query(until=days[1].date())).total == 2
    assert [saved.created for saved in store.page("alice").entries] == days[::-1]


def test_a_large_library_is_read_a_page_at_a_time_newest_first(store: Store) -> None:
    ids = store.save("alice", "big", [document(f"Story {n} of the day.") for n in range(45)])
    pages = [store.page("alice", Query(offset=offset, limit=20)) for offset in (0, 20, 40)]
    assert [len(page.entries) for page in pages] == [20, 20, 5]
    assert {page.total for page in pages} == {45}
    listed = [saved.id for page in pages for saved in page.entries]
    assert listed == sorted(ids, reverse=True)


def test_delete_removes_the_entry_and_its_link(store: Store) -> None:
    [entry_id] = store.save("alice", "r", [document(ARTICLE)])
    token = store.share("alice", entry_id)
    assert store.delete("alice", entry_id) is True
    assert store.entry("alice", entry_id) is None
    assert store.shared(token) is None
    assert store.page("alice", Query(language="en")).total == 0
    assert store.delete("alice", entry_id) is False


def test_a_deleted_text_is_gone_from_the_sqlite_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(str(tmp_path / "library.sqlite3"))
    assert store is not None
    secret = "Zanzibar-quartz-" * 40
    [entry_id] = store.save("alice", "r", [document(f"The source said {secret} today.")])
    store.save("alice", "r", [document("Another article stays.")])
    store.delete("alice", entry_id)
    store.engine.dispose()
    files = list(tmp_path.glob("library.sqlite3*"))
    assert files
    assert not any(b"Zanzibar-quartz" in path.read_bytes() for path in files)


def test_export_writes_the_batch_commands_lines_for_every_entry(store: Store) -> None:
    originals = [document(f"Story {n}: the minister spoke.", f"Story {n}") for n in range(3)]
    ids = store.save("alice", "r", originals)
    store.save("bob", "r", [document("Not Alice's.")])
    lines = [json.loads(json.dumps(line, ensure_ascii=False)) for line in store.export("alice", batch_size=2)]
    assert [line["id"] for line in lines] == [str(entry_id) for entry_id in ids]
    for line, original in zip(lines, originals, strict=True):
        assert line["schema_version"] == SCHEMA_VERSION
        assert line["path"] == original["source"]
        for key in ("language", "shares", "segments", "summaries", "notices"):
            assert line[key] == original[key]
        assert not {"text", "settings", "name", "entry_id"} & line.keys()


def test_a_link_opens_the_entry_for_anyone_until_revoked(store: Store) -> None:
    [entry_id] = store.save("alice", "r", [document(ARTICLE)])
    token = store.share("alice", entry_id)
    assert token is not None
    assert len(token) * 6 >= TOKEN_BYTES * 8 >= 128
    assert str(entry_id) != token
    assert store.share("alice", entry_id) == token  # one link per entry
    opened = store.shared(token)
    assert opened is not None
    assert opened.document["text"] == ARTICLE
    assert store.page("alice").entries[0].link == token
    assert store.revoke("alice", entry_id) is True
    assert store.shared(token) is None
    renewed = store.share("alice", entry_id)
    assert renewed not in (None, token)


def test_only_the_maker_revokes_a_link(store: Store) -> None:
    [entry_id] = store.save("alice", "r", [document(ARTICLE)])
    token = store.share("alice", entry_id)
    assert store.revoke("bob", entry_id) is False
    assert store.shared(token) is not None


@pytest.mark.parametrize("token", ["", "x", "1", "../../etc", "' OR 1=1 --", "A" * 32, "A" * 33, None, 12, "é" * 32])
def test_a_wrong_or_malformed_token_opens_nothing(store: Store, token: object) -> None:
    [entry_id] = store.save("alice", "r", [document(ARTICLE)])
    store.share("alice", entry_id)
    assert store.shared(token) is None
    assert store.keep_copy("bob", token) is None
    assert store.page("bob").total == 0


def test_keeping_a_copy_puts_it_in_the_openers_library_only_then(store: Store) -> None:
    original = document(ARTICLE, "Buses")
    [entry_id] = store.save("alice", "r", [original])
    token = store.share("alice", entry_id)
    store.shared(token)
    assert store.page("bob").total == 0  # opening adds nothing
    copy_id = store.keep_copy("bob", token)
    assert copy_id is not None
    copy = store.entry("bob", copy_id)
    assert copy is not None
    assert copy.document == {**original, "entry_id": copy_id}
    assert copy.link is None  # the copy is Bob's own; Alice's link stays hers
    store.delete("alice", entry_id)
    assert store.entry("bob", copy_id) is not None


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=300
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, title=st.text(alphabet=string.printable + "हिन्दी।", max_size=40))
def test_any_text_round_trips_and_is_found_by_its_words(store: Store, text: str, title: str) -> None:
    original = document(text, title or "untitled")
    [entry_id] = store.save("prop", "r", [original])
    saved = store.entry("prop", entry_id)
    assert saved is not None
    assert saved.document == {**original, "entry_id": entry_id}
    words = text.strip()[:12]
    if words:
        assert entry_id in {s.id for s in store.page("prop", Query(words=words, limit=1000)).entries}
    store.delete("prop", entry_id)
