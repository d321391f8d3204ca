"""An uncertain transaction as the agent meets it: Riwayat says what happened in the agent's
words (the transport's English stays in the technical tab), the manual resolution says whom
to call and what to ask, and takes what the call center said: the officer and the time."""

from __future__ import annotations

import pytest

from app.gui import translations_dir
from services.journal import State
from tests.ui.test_history_screens import deposit, open_details, open_history
from tests.ui.uidrive import USERNAME, click
from ui import i18n
from ui.models.journal_table import EventsModel
from ui.screens.resolution_dialogs import ManualResolutionDialog


def reasons(model: EventsModel) -> list[str]:
    return [model.index(r, model.columnCount() - 1).data() for r in range(model.rowCount())]


@pytest.fixture
def english():
    assert i18n.install("en", translations_dir())
    yield
    i18n.install("id", translations_dir())


def test_history_reads_the_reason_in_the_agents_words_and_keeps_the_technical_text(qtbot, shell, context):
    reference = deposit(context, 70_000, lost=True)
    details = open_details(qtbot, open_history(qtbot, shell), reference)
    shown = reasons(details.events)
    assert shown[-1] == "Jawaban bank tidak diterima (koneksi terputus)"
    assert not any("ReadTimeout" in reason for reason in shown)
    tooltip = details.events.index(len(shown) - 1, details.events.columnCount() - 1).data(3)  # ToolTipRole
    assert "ReadTimeout: The read operation timed out" in tooltip  # support still reads the journal's words
    assert "ReadTimeout: The read operation timed out" in details.technical_box.toPlainText()
    assert "ReadTimeout" in context.journal.events(reference)[-1].reason  # the journal is unchanged


def test_the_call_centers_word_settles_the_row_as_the_agent_wrote_it(qtbot, shell, context):
    reference = deposit(context, 80_000, lost=True)
    screen = open_history(qtbot, shell)
    details = open_details(qtbot, screen, reference)
    seen = []

    def answer(parent, detail, guide):
        dialog = ManualResolutionDialog(parent, detail, guide)
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog.guide.text())
        assert not dialog.ok.isEnabled()
        dialog.success.setChecked(True)
        assert dialog.host_ref_field.isVisible()  # optional: asked, never required
        qtbot.keyClicks(dialog.officer, "Ibu Rina")
        dialog.time.setTime(dialog.time.time().fromString("14:05", "HH:mm"))
        assert dialog.ok.isEnabled()  # no host journal number needed
        return dialog.decision()

    screen.ask_resolution = answer
    click(qtbot, details.settle_button)
    qtbot.waitUntil(lambda: context.journal.get(reference).state is State.SUCCESS, timeout=10_000)
    assert "1. Telepon Call center Bank+ (layanan agen): 0000-000-000 (nomor fiktif" in seen[0]
    assert "nomor referensi" in seen[0] and "nama petugas" in seen[0]
    event = context.journal.events(reference)[-1]
    assert event.actor == USERNAME
    assert event.reason == ("penyelesaian manual: dikonfirmasi BERHASIL oleh Call center Bank+ (layanan agen), "
                            "0000-000-000 (nomor fiktif, latihan sandbox); petugas Ibu Rina, pukul 14:05 WIB")
    qtbot.waitUntil(lambda: "BERHASIL" in details.title.text(), timeout=10_000)
    assert reasons(details.events)[-1].startswith("Dicatat BERHASIL: dikonfirmasi BERHASIL oleh Call center Bank+")


def test_english_mode_reads_the_reason_in_english(qtbot, english):
    from types import SimpleNamespace

    model = EventsModel()
    model.set_events([SimpleNamespace(at="2026-11-21T14:05:00+07:00", from_state=State.SENT, to_state=State.SUSPECT,
                                      actor="system", reason="jawaban tidak diterima: ReadTimeout: The read "
                                                             "operation timed out")])
    assert reasons(model) == ["No answer from the bank (connection lost)"]
