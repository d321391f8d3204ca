"""Screens. A new screen is one module registering itself (see ``ui.registry``) and one
line here. Imported after the login window is on screen (``app.gui.MainWindowPreload``)."""

SCREEN_MODULES = (
    "ui.screens.home",
    "ui.screens.deposit",
    "ui.screens.transfer",
    "ui.screens.check_account",
    "ui.screens.customer_balance",
    "ui.screens.agent_balance",
    "ui.screens.open_account",
    "ui.screens.change_password",
    "ui.screens.billpay",
    "ui.screens.virtual_account",
    "ui.screens.bca",
    "ui.screens.keys",
    "ui.screens.host_settings",
    "ui.screens.security",
    "ui.screens.shift",
    "ui.screens.handover",
    "ui.screens.reports",
    "ui.screens.day_close",
    "ui.screens.supervisor",
    "ui.screens.printer_settings",
    "ui.screens.counter_fees",
    "ui.screens.switcher",
    "ui.screens.history",
    "ui.screens.language",
)
