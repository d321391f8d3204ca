"""The counter's settings are read once, at start-up, and a hand-edited value that makes no
sense falls back to its default instead of stopping the counter."""

from __future__ import annotations

from datetime import timedelta

from app.context import build_context
from app.counter_settings import CounterSettings
from app.screen_services import screen_services
from services.profile import Profile


def test_an_empty_file_gives_the_defaults():
    parsed = CounterSettings.parse({})
    assert parsed == CounterSettings()
    assert parsed.deadline_seconds is None and parsed.duplicate_window == timedelta(minutes=15)
    assert parsed.idle_lock_minutes == 5


def test_values_in_range_are_taken_and_nonsense_falls_back():
    good = CounterSettings.parse({"network": {"deadline_seconds": "30"}, "duplicate_payment_minutes": 0,
                                  "idle_lock_minutes": 2.5})
    assert good == CounterSettings(30.0, timedelta(0), 2.5)
    for network, minutes, idle in ((4, -1, True), (601, "10", "5"), ("soon", None, None), (None, None, 0),
                                   (None, None, -1), (None, None, 1e12), (None, None, float("inf"))):
        bad = CounterSettings.parse({"network": {"deadline_seconds": network}, "duplicate_payment_minutes": minutes,
                                     "idle_lock_minutes": idle})
        assert bad == CounterSettings(), (network, minutes, idle)
    assert CounterSettings.parse({"network": "fast"}) == CounterSettings()


def test_the_parsed_settings_reach_every_runner_and_the_screens(tmp_path):
    profile = Profile(tmp_path / "p")
    settings = profile.load_settings()
    settings.update(duplicate_payment_minutes=3, idle_lock_minutes=7, network={"deadline_seconds": 20})
    profile.save_settings(settings)
    context = build_context(profile)
    try:
        runners = [service.runner for service in context.host_services().values()]
        assert {runner.duplicate_window for runner in runners} == {timedelta(minutes=3)}
        assert context.banking.client.deadline == 20 and context.bca.client.snap.deadline == 20
        assert screen_services(context, worker=None, errors=None, ask_pin=None).idle_lock_minutes == 7
    finally:
        context.close()
