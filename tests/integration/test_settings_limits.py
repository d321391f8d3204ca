"""Limits are parsed once from settings.json: a bad entry keeps its default, a good one is
what the flows quote and the services enforce."""

from services.limits import AmountRange, Limits


def test_the_settings_limits_become_ranges_and_nonsense_keeps_the_default():
    limits = Limits.parse({"deposit": {"min": 50_000, "max": 5_000_000},
                           "transfer": {"min": "10000", "max": 25_000_000},  # text is not rupiah
                           "open_account_deposit": {"min": 30_000, "max": 10_000}})  # min above max
    assert limits.deposit == AmountRange(50_000, 5_000_000)
    assert limits.transfer == Limits().transfer
    assert limits.open_account_deposit == Limits().open_account_deposit
    assert Limits.parse(None) == Limits() and Limits.parse({"deposit": True}) == Limits()


def test_a_deposit_is_refused_outside_the_settings_limits(tmp_path):
    import pytest

    from app.context import build_context
    from services.errors import UserInputError
    from services.profile import Profile

    profile = Profile(tmp_path / "profile")
    settings = profile.load_settings()
    settings["limits"] = {"deposit": {"min": 50_000, "max": 100_000}}
    profile.save_settings(settings)
    context = build_context(profile)
    try:
        from services.flows.bankplus import DepositFlow

        flow = DepositFlow(context.banking)
        assert flow.amount_range == AmountRange(50_000, 100_000)
        with pytest.raises(UserInputError):
            context.banking.deposit(account="1234567890", name="Budi", amount=20_000, narration="", pin="123456")
    finally:
        context.close()
