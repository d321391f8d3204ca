"""Bank+ branchless banking as the counter uses it.

``BankingService`` is what the screens call: it validates input (before any request),
keeps the agent's session, journals every transaction before it is sent (through
``TransactionRunner``), and returns typed results. It never knows about screens.

The deposit and transfer answers state the admin fee and the total the host booked
(``admin``/``admin_fee``, ``total``); they go to the runner as what the host confirmed, so
if they ever differ from the inquiry's, the journal keeps the host's figures
(``settled_fee``/``settled_total``) and the day's cash counts them.
"""

from __future__ import annotations

import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from services import validation as v
from services.clock import Clock
from services.errors import (
    FormInvalid,
    LoginFailed,
    LoketError,
    MaybeSent,
    PasswordChangeUnconfirmed,
    RecordingFailed,
    SessionExpired,
    UserInputError,
)
from services.hosts.bankplus.client import (
    AccountInfo,
    AgentSession,
    Bank,
    BankPlusClient,
    GraphPoint,
    MasterItem,
    OpenAccountResult,
    PaymentResult,
    TransferQuote,
)
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal, State
from services.limits import Limits
from services.lockout import Lockout
from services.product_groups import BANKING
from services.transactions import Executed, Outcome, Payment, TransactionRunner

HOST = "bankplus"
GROUP = BANKING

# product id -> name shown on screens, receipts and reports
PRODUCTS = {
    "deposit": QT_TRANSLATE_NOOP("products", "Setor Tunai"),
    "open_account": QT_TRANSLATE_NOOP("products", "Buka Rekening"),
    "customer_balance": QT_TRANSLATE_NOOP("products", "Cek Saldo Nasabah"),
    "intrabank_transfer": QT_TRANSLATE_NOOP("products", "Transfer Sesama Bank"),
    "interbank_transfer": QT_TRANSLATE_NOOP("products", "Transfer Antar Bank"),
}

# Sent as written; a screen shows them translated (context "open_account").
MARITAL = (QT_TRANSLATE_NOOP("open_account", "Lajang"), QT_TRANSLATE_NOOP("open_account", "Menikah"),
           QT_TRANSLATE_NOOP("open_account", "Cerai Hidup"), QT_TRANSLATE_NOOP("open_account", "Cerai Mati"))
GENDERS = {"l": QT_TRANSLATE_NOOP("open_account", "Laki-laki"), "p": QT_TRANSLATE_NOOP("open_account", "Perempuan")}


def _names_a_file(path: str) -> bool:
    """A typed path too long for the file system (or holding a NUL) names no file: pathlib
    raises for those instead of answering False."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class Dashboard:
    balance: AccountInfo | None
    month: str
    bsa: list[GraphPoint]
    bill: list[GraphPoint]
    purchase: list[GraphPoint]
    agent_growth: list[GraphPoint]
    agent_spread: list[GraphPoint]


@dataclass(frozen=True)
class MasterData:
    jobs: list[MasterItem]
    educations: list[MasterItem]
    salaries: list[MasterItem]
    transaction_ranges: list[MasterItem]


@dataclass
class OpenAccountForm:
    """Everything the Open Account section asks for, as the agent typed it."""

    name: str = ""
    email: str = ""
    mother_name: str = ""
    profession: str = ""
    last_education: str = ""
    status_nikah: str = ""
    pob: str = ""
    dob: str = ""  # YYYY-MM-DD
    ktp: str = ""
    gender: str = ""  # "l" | "p"
    address: str = ""
    rt: str = ""
    rw: str = ""
    zip_code: str = ""
    kelurahan: str = ""
    kecamatan: str = ""
    city: str = ""
    state: str = ""
    hp: str = ""
    phone: str = ""
    income: str = ""  # id from the salary list
    jumlah_transaksi: str = ""  # id from the transaction-range list
    deposit: str = ""
    ktp_image: str = ""  # local file chosen by the agent
    photo_image: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class BalanceUnanswered(LoketError):
    """A customer's balance check got no answer Loket can trust; nothing moved (its row is FAILED)."""

    default_message = QT_TRANSLATE_NOOP(
        "errors", "Saldo tidak dapat ditampilkan: jawaban bank tidak diterima atau tidak terbaca. Cek saldo tidak "
        "memindahkan uang, jadi boleh dicoba lagi. Bila terus berulang, periksa koneksi internet.")


PASSWORD_ATTEMPTS = QT_TRANSLATE_NOOP("errors", "percobaan password")  # what ``relogin``'s lockout counts


class BankingService:
    def __init__(
        self,
        client: BankPlusClient,
        journal: Journal,
        *,
        limits: Limits,
        attachments_dir: Path,
        clock: Clock | None = None,
    ) -> None:
        self.client = client
        self.journal = journal
        self.limits = limits
        self.attachments_dir = attachments_dir
        self.clock = clock or journal.clock
        self.session: AgentSession | None = None
        self.runner = TransactionRunner(journal, self.operator)
        self._cache: dict[str, Any] = {}
        self._cache_lock = threading.Lock()
        self.session_listeners: list[Callable[[AgentSession | None], None]] = []
        self._password_lockouts: dict[str, Lockout] = {}  # agent: wrong passwords in their session (``relogin``)

    # -- session ---------------------------------------------------------------------
    def operator(self) -> str:
        """Who is at the counter: recorded on every journal row and event."""
        return self.session.username if self.session else "system"

    def login(self, username: str, password: str) -> AgentSession:
        username = v.required("username", username, QT_TRANSLATE_NOOP("errors", "Username"))
        password = v.required("password", password, QT_TRANSLATE_NOOP("errors", "Password"))
        self.session = self.client.login(username, password)
        for listener in self.session_listeners:
            listener(self.session)
        return self.session

    def relogin(self, password: str) -> AgentSession:
        """The logged-in agent again, with their password: the host forgot the session, the
        idle lock is opened, or a setting asks the agent to prove who they are.

        Only that agent: the window open at the counter is theirs (their name in the header,
        their idle lock, their customer's form), so a colleague's own username and password
        typed there must not carry it on under the colleague's session. A colleague serves
        after "Keluar", in a window of their own.

        Every wrong password counts, for that agent, for the whole run (``services.lockout``):
        whichever screen asks (the lock screen, Keamanan), a colleague at a counter left
        unlocked for a moment gets five guesses at the agent's password, then waits."""
        if self.session is None:
            raise LoketError(QT_TRANSLATE_NOOP("errors", "Tidak ada agen yang sedang masuk. Masuk dari layar awal."))
        username = self.session.username
        with self._cache_lock:
            lockout = self._password_lockouts.setdefault(username, Lockout(what=PASSWORD_ATTEMPTS))
        return lockout.guard(self.login, wrong=(LoginFailed,))(username, password)

    def logout(self) -> None:
        try:
            if self.session:
                self.client.logout()
        except SessionExpired:
            pass
        finally:
            self.session = None
            with self._cache_lock:
                self._cache.clear()
            for listener in self.session_listeners:
                listener(None)

    def change_password(self, old: str, new: str, confirm: str) -> None:
        old = v.required("old", old, QT_TRANSLATE_NOOP("errors", "Password lama"))
        new = v.new_password("new", new, confirm, old)
        try:
            self.client.change_password(old, new)
        except MaybeSent as exc:
            raise PasswordChangeUnconfirmed() from exc

    # -- reads -----------------------------------------------------------------------
    def agent_balance(self) -> AccountInfo:
        return self.client.agent_balance(sid=self.journal.next_reference())

    def dashboard(self, month: str | None = None) -> Dashboard:
        """Balance and graphs; the BSA graph for ``month`` (YYYY-MM, bankplus-api.txt L172),
        this month when None. A month after this one is refused at the field."""
        this_month = self.clock.now().strftime("%Y-%m")
        month = month or this_month
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month) or month > this_month:
            raise UserInputError("month", QT_TRANSLATE_NOOP("errors", "Pilih bulan ini atau bulan sebelumnya."))
        return Dashboard(
            balance=self.agent_balance(),
            month=month,
            bsa=self.client.graph_bsa(month),
            bill=self.client.graph_bill(),
            purchase=self.client.graph_purchase(),
            agent_growth=self.client.graph_agent_growth(),
            agent_spread=self.client.graph_agent_spread(),
        )

    def _cached(self, key: str, load: Callable[[], Any]) -> Any:
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]
        value = load()
        with self._cache_lock:
            self._cache[key] = value
        return value

    def master_data(self) -> MasterData:
        return self._cached("master", lambda: MasterData(
            self.client.jobs(), self.client.educations(), self.client.salaries(), self.client.transaction_ranges()
        ))

    def banks(self) -> list[Bank]:
        """The interbank list, without the agent's own bank (that is an intrabank transfer)."""
        own = (self.session.bank_code if self.session else "").upper()
        return [b for b in self._cached("banks", self.client.banks) if own not in b.name.upper().split()]

    def postal_code(self, *, propinsi: str, jenis: str, kabupaten: str, kecamatan: str, kelurahan: str) -> str:
        fields = {"propinsi": propinsi, "jenis": jenis, "kabupaten": kabupaten, "kecamatan": kecamatan,
                  "kelurahan": kelurahan}
        for key, value in fields.items():
            v.required(key, value, key.capitalize())
        return self.client.postal_code(**{k: val.strip() for k, val in fields.items()})

    def check_account(self, account: str) -> AccountInfo:
        account = v.account_number("account", account)
        return self.client.check_account(account, sid=self.journal.next_reference())

    # -- journaled transactions ------------------------------------------------------
    def customer_balance(self, account: str, pin: str, *, reference: str | None = None,
                         confirm_duplicate: str | None = None) -> Executed:
        """The customer's balance, journaled like a transaction (the host logs it as one).

        It moves no money, so a check without an answer Loket can trust is not left SUSPECT:
        that would hold the customer's next check, send the agent to telephone the bank about
        a balance, and hold up Tutup Hari. The runner's SUSPECT row is closed FAILED at once
        (both transitions recorded) and ``BalanceUnanswered`` says the check may be asked again."""
        account = v.account_number("account", account)
        pin = v.pin("pin", pin, QT_TRANSLATE_NOOP("errors", "PIN nasabah"))
        reference = reference or self.journal.next_reference()
        payment = Payment(HOST, "customer_balance", GROUP, 0, 0, {"accountNum": account, "pin_platform": pin},
                          customer_ref=account, reference=reference, confirmed_duplicate=confirm_duplicate)

        def send(reference: str) -> Outcome:
            info, answer = self.client.customer_balance(account, pin, sid=reference)
            return Outcome(info.reference, answer, info)

        try:
            return self._run(payment, send)
        except Exception as exc:
            unanswered = isinstance(exc, MaybeSent) or not isinstance(exc, LoketError)  # the runner's SUSPECT
            if not (unanswered and self.journal.count("reference=? AND state IN ('SENT','SUSPECT')", (reference,))):
                raise  # refused (FAILED), not sent (NEW), or refused before it was journaled
            error = BalanceUnanswered()
            error.reference = reference
            if isinstance(exc, RecordingFailed) and not exc.recorded:
                # Still SENT: the disk refused every write. Not "the money moved" (the runner's
                # words for a payment): the journal closes it FAILED once it writes again
                # (``Host.inquiries``), and the agent may simply ask again then.
                raise error from exc
            error.row = self.journal.transition(
                reference, State.FAILED, actor="system",
                reason="cek saldo tanpa jawaban yang dapat dipercaya; tidak memindahkan uang, boleh diulang")
            raise error from exc

    def deposit(self, *, account: str, name: str, amount: str | int, narration: str, pin: str,
                reference: str | None = None, confirm_duplicate: str | None = None) -> Executed:
        account = v.account_number("account", account)
        name = v.required("name", name, QT_TRANSLATE_NOOP("errors", "Nama pemilik rekening"))
        limits = self.limits.deposit
        rupiah = v.amount("amount", amount, minimum=limits.minimum, maximum=limits.maximum)
        narration = (narration or "").strip() or "Setor tunai"
        pin = v.pin("pin", pin, QT_TRANSLATE_NOOP("errors", "PIN transaksi"))
        request = self.client.deposit_body(to_account=account, name=name, amount=rupiah, narration=narration,
                                           pin=pin)  # the very body the client sends
        payment = Payment(HOST, "deposit", GROUP, rupiah, 0, request, customer_ref=account, customer_name=name,
                          reference=reference, confirmed_duplicate=confirm_duplicate)

        def send(reference: str) -> Outcome:
            result, answer = self.client.deposit(to_account=account, name=name, amount=rupiah,
                                                 narration=narration, pin=pin, sid=reference)
            return Outcome(result.host_ref, answer, result, fee=result.fee, total=result.total)

        return self._run(payment, send)

    def transfer_inquiry(self, kind: str, account: str, bank_code: str = "") -> TransferQuote:
        account = v.account_number("account", account)
        sid = self.journal.next_reference()
        if kind == "intrabank":
            return self.client.intrabank_inquiry(account, sid=sid)
        bank_code = v.digits("bank", bank_code, QT_TRANSLATE_NOOP("errors", "Bank tujuan"), min_len=3, max_len=3)
        return self.client.interbank_inquiry(bank_code, account, sid=sid)

    def transfer_pay(self, quote: TransferQuote, amount: str | int, pin: str, *,
                     reference: str | None = None, confirm_duplicate: str | None = None,
                     sender: dict[str, str] | None = None) -> Executed:
        """``sender``: who handed over the cash (``services.sender``), journaled with the row."""
        limits = self.limits.transfer
        rupiah = v.amount("amount", amount, minimum=limits.minimum, maximum=limits.maximum)
        pin = v.pin("pin", pin, QT_TRANSLATE_NOOP("errors", "PIN transaksi"))
        product = f"{quote.kind}_transfer"
        request = self.client.transfer_body(quote, rupiah, pin)  # the very body the client sends
        payment = Payment(HOST, product, GROUP, rupiah, quote.admin_fee, request,
                          customer_ref=quote.account_number, customer_name=quote.account_name, reference=reference,
                          confirmed_duplicate=confirm_duplicate, approval=sender)

        def send(reference: str) -> Outcome:
            result, answer = self.client.transfer_payment(quote, rupiah, pin, sid=reference)
            return Outcome(result.host_ref, answer, result, fee=result.fee, total=result.total)

        return self._run(payment, send)

    def validate_open_account(self, form: OpenAccountForm) -> dict[str, Any]:
        """The request body (without PIN) for ``form``.

        Every field is checked, so the agent sees all that is missing at once: a refusal
        raises ``FormInvalid`` listing each bad field in the form's order."""
        today = self.clock.now().date()
        limits = self.limits.open_account_deposit
        errors: list[UserInputError] = []
        body: dict[str, Any] = {}

        def check(key: str, rule: Callable[[], Any]) -> None:
            try:
                body[key] = rule()
            except UserInputError as exc:
                errors.append(exc)

        def choice(field_name: str, value: str, allowed: Any, message: str) -> str:
            if value not in allowed:
                raise UserInputError(field_name, message)
            return value

        def deposit() -> str:
            text = (form.deposit or "").strip()
            if not text and limits.minimum == 0:
                return "0"
            return str(v.amount("deposit", text, minimum=max(limits.minimum, 1), maximum=limits.maximum,
                                label=QT_TRANSLATE_NOOP("errors", "Setoran awal")))

        def image(key: str, label: str) -> str:
            path = getattr(form, key)
            if not path or not _names_a_file(path):
                raise UserInputError(key, templated(QT_TRANSLATE_NOOP("errors", "{label} wajib dipilih dari berkas "
                                                                                "gambar."), label=label))
            return path

        check("name", lambda: v.person_name("name", form.name, QT_TRANSLATE_NOOP("errors", "Nama nasabah")))
        check("ktp", lambda: v.nik("ktp", form.ktp))
        check("pob", lambda: v.required("pob", form.pob, QT_TRANSLATE_NOOP("errors", "Tempat lahir")))
        check("dob", lambda: v.birth_date("dob", form.dob, today=today).isoformat())
        check("gender", lambda: choice("gender", form.gender, GENDERS,
                                       QT_TRANSLATE_NOOP("errors", "Pilih jenis kelamin.")))
        check("status_nikah", lambda: choice("status_nikah", form.status_nikah, MARITAL,
                                             QT_TRANSLATE_NOOP("errors", "Pilih status pernikahan.")))
        check("mother_name", lambda: v.person_name("mother_name", form.mother_name,
                                                   QT_TRANSLATE_NOOP("errors", "Nama ibu kandung")))
        check("hp", lambda: v.phone("hp", form.hp, QT_TRANSLATE_NOOP("errors", "Nomor HP")))
        if (form.phone or "").strip():
            check("phone", lambda: v.phone("phone", form.phone, QT_TRANSLATE_NOOP("errors", "Nomor telepon"),
                                           mobile=False))
        elif "hp" in body:
            body["phone"] = body["hp"]  # optional: the mobile number stands in, as the document's example allows
        check("email", lambda: v.email("email", form.email))
        check("address", lambda: v.required("address", form.address, QT_TRANSLATE_NOOP("errors", "Alamat")))
        check("rt", lambda: v.digits("rt", form.rt, QT_TRANSLATE_NOOP("errors", "RT"), min_len=1, max_len=3).zfill(3))
        check("rw", lambda: v.digits("rw", form.rw, QT_TRANSLATE_NOOP("errors", "RW"), min_len=1, max_len=3).zfill(3))
        check("state", lambda: v.required("state", form.state, QT_TRANSLATE_NOOP("errors", "Provinsi")))
        check("city", lambda: v.required("city", form.city, QT_TRANSLATE_NOOP("errors", "Kota/Kabupaten")))
        check("kecamatan", lambda: v.required("kecamatan", form.kecamatan, QT_TRANSLATE_NOOP("errors", "Kecamatan")))
        check("kelurahan", lambda: v.required("kelurahan", form.kelurahan, QT_TRANSLATE_NOOP("errors", "Kelurahan")))
        check("zip_code", lambda: v.digits("zip_code", form.zip_code, QT_TRANSLATE_NOOP("errors", "Kode pos"),
                                           min_len=5, max_len=5))
        check("profession", lambda: v.required("profession", form.profession, QT_TRANSLATE_NOOP("errors", "Pekerjaan")))
        check("last_education", lambda: v.required("last_education", form.last_education,
                                                   QT_TRANSLATE_NOOP("errors", "Pendidikan terakhir")))
        check("income", lambda: v.required("income", form.income, QT_TRANSLATE_NOOP("errors", "Penghasilan")))
        check("jumlah_transaksi", lambda: v.required("jumlah_transaksi", form.jumlah_transaksi,
                                                     QT_TRANSLATE_NOOP("errors", "Perkiraan transaksi")))
        check("ktp_image", lambda: image("ktp_image", "Foto KTP"))
        check("photo_image", lambda: image("photo_image", "Foto nasabah"))
        check("deposit", deposit)
        if errors:
            raise FormInvalid(errors)
        del body["ktp_image"], body["photo_image"]
        # The wire order of the document's example.
        order = ("name", "email", "mother_name", "profession", "last_education", "status_nikah", "pob", "dob", "ktp",
                 "gender", "address", "rt", "rw", "zip_code", "kelurahan", "kecamatan", "city", "state", "hp",
                 "phone", "income", "jumlah_transaksi", "deposit")
        return {key: body[key] for key in order}

    def open_account(self, form: OpenAccountForm, pin: str, *, reference: str | None = None,
                     confirm_duplicate: str | None = None) -> Executed:
        body = self.validate_open_account(form)
        pin = v.pin("pin", pin, QT_TRANSLATE_NOOP("errors", "PIN transaksi"))
        names = self._picture_names(form, body, reference)
        self.attachments_dir.mkdir(parents=True, exist_ok=True)
        for source, name in ((form.ktp_image, names["ktp"]), (form.photo_image, names["foto"])):
            shutil.copyfile(source, self.attachments_dir / Path(name).name)
        request = {**body, "image": names, "pin_transaksi": pin}
        deposit = int(body["deposit"])
        payment = Payment(HOST, "open_account", GROUP, deposit, 0, request, customer_ref=body["ktp"],
                          customer_name=body["name"], reference=reference, confirmed_duplicate=confirm_duplicate)

        def send(reference: str) -> Outcome:
            result, answer = self.client.open_account({**body, "image": names}, pin, sid=reference)
            return Outcome(result.reference, answer, result)

        return self._run(payment, send)

    def _picture_names(self, form: OpenAccountForm, body: dict[str, Any], reference: str | None) -> dict[str, str]:
        """The names the request gives the KTP scan and the photo.

        The document's ``image`` holds paths on the host ("pendaftaran/LMG_<NIK>_KTP_<time>.jpg")
        but documents no upload endpoint. Loket names the files the same way, keeps copies in
        the profile for the partner's upload process, and sends the names. A resend of a
        journaled opening (``reference``: it never left) sends the names its row holds: named
        afresh, the body sent was not the one journaled, and the copies were kept under names
        the bank never received."""
        if reference and self.runner.journal.count("reference=?", (reference,)):
            kept = self.runner.journal.get(reference).request.get("image")
            if isinstance(kept, dict) and set(kept) == {"ktp", "foto"}:
                return {key: str(kept[key]) for key in ("ktp", "foto")}
        stamp = self.clock.now().strftime("%Y%m%d%H%M%S")
        loket = self.session.kode_loket if self.session else "LOKET"
        return {
            "ktp": f"pendaftaran/{loket}_{body['ktp']}_KTP_{stamp}{Path(form.ktp_image).suffix.lower()}",
            "foto": f"pendaftaran/{loket}_{body['ktp']}_{stamp}{Path(form.photo_image).suffix.lower()}",
        }

    def _run(self, payment: Payment, send: Callable[[str], Outcome]) -> Executed:
        return self.runner.execute(payment, send)


__all__ = [
    "BalanceUnanswered", "BankingService", "Dashboard", "MasterData", "OpenAccountForm", "PRODUCTS", "MARITAL",
    "GENDERS", "AccountInfo", "AgentSession", "Bank", "OpenAccountResult", "PaymentResult", "TransferQuote",
]
