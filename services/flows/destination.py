"""A transfer's first step, the same for Bank+ intra/interbank, the Switcher and BCA:

    DESTINATION --inquire--> CONFIRM (name read aloud, ticked) --prepare(amount)--> pay(pin)
         ^                      |
         +-- change_destination +

The host's inquiry answers who owns the account; paying is impossible until the agent has
read that name to the customer and ticked that the customer confirmed it (the BCA guide's
advice, and the same mistake costs the same money at every bank). The confirmation step
also takes the sender's name and phone, if the customer gives them (``services.sender``):
each kind's ``_pay`` hands ``sender.recorded()`` to its service, which journals it.
"""

from __future__ import annotations

from typing import Any, Mapping

from services.errors import UserInputError
from services.flows.base import Flow, Quote
from services.i18n import QT_TRANSLATE_NOOP
from services.sender import Sender

# The destination panel's labels (translated by the screen, context "destination").
NAME = QT_TRANSLATE_NOOP("destination", "Nama penerima")
BANK = QT_TRANSLATE_NOOP("destination", "Bank")
ACCOUNT = QT_TRANSLATE_NOOP("destination", "Nomor rekening")
STATUS = QT_TRANSLATE_NOOP("destination", "Status rekening")
FEE = QT_TRANSLATE_NOOP("destination", "Biaya admin")


class DestinationFlow(Flow):
    # Whether the agent's PIN is checked here, on this computer (``pin_proven`` then says
    # whether it can be yet), rather than by the host.
    local_pin = False

    def __init__(self) -> None:
        super().__init__()
        self.destination: Any = None
        self.name_confirmed = False
        self.sender = Sender()

    # -- DESTINATION ---------------------------------------------------------------------
    def inquire(self, inputs: Mapping[str, Any]) -> Any:
        """Ask the host who owns the account (blocking); the answer is ``destination``."""
        destination = self._inquire(dict(inputs))
        self.change_destination()
        self.destination = destination
        return destination

    def change_destination(self) -> None:
        self.destination = None
        self.name_confirmed = False
        self.sender = Sender()
        self.quote = None
        self._forget_unsent()

    def reset(self) -> None:
        super().reset()
        self.change_destination()

    # -- CONFIRM -------------------------------------------------------------------------
    def confirm_name(self, confirmed: bool) -> None:
        self.name_confirmed = bool(confirmed) and self.destination is not None

    @property
    def payable(self) -> bool:
        """Whether the host would take a transfer to this destination at all."""
        return self.destination is not None

    @property
    def can_pay(self) -> bool:
        return self.payable and self.name_confirmed

    def require_confirmed(self) -> None:
        if self.destination is None:
            raise UserInputError("account", QT_TRANSLATE_NOOP("errors", "Cek rekening tujuan dulu."))
        if not self.name_confirmed:
            raise UserInputError("confirm", QT_TRANSLATE_NOOP("errors", "Bacakan nama penerima kepada nasabah dan "
                                                                        "centang konfirmasinya dulu."))

    def prepare(self, inputs: Mapping[str, Any]) -> Quote:
        self.require_confirmed()
        self.sender = Sender.from_inputs(inputs)
        return super().prepare(inputs)

    # -- what the destination panel shows ---------------------------------------------
    @property
    def fee(self) -> int:
        """The admin fee the host named for this destination (0: none)."""
        return 0

    @property
    def destination_name(self) -> str:
        raise NotImplementedError

    def destination_rows(self) -> list[tuple[str, str]]:
        """(label, value) rows, the name first; labels are translated by the screen."""
        raise NotImplementedError

    def _inquire(self, inputs: dict[str, Any]) -> Any:
        raise NotImplementedError
