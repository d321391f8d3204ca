"""The partner office's operator on the first day: ``python -m app office ...`` as README's
"Partner office" has it, with the mistakes a first day brings (a wrong password, the kiosk's
address form given as --dsn, the server down, a certificate not trusted, the wrong login for a
command, the wrong database, a mistyped counter id or date). Each is said in a line that names
what to change, never a traceback; and add-counter says what the kiosk's supervisor types."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from services.connectivity import check_office
from services.office import db
from services.office.config import role_name
from services.office.localpg import LocalPostgres
from services.office.outbox import Outbox
from services.office.source import JournalSource
from tests.office.certs import make_ca, server_certificate, write_ca
from tests.office.counters import DAY, make_counter
from tests.office.test_office_check import ByName

ROOT = Path(__file__).resolve().parents[2]
READER, READER_PASSWORD = "laporan_kantor", "baca-saja-2026"


def office(dsn: str | None, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG") and k != "LOKET_OFFICE_DSN"}
    if dsn is not None:
        env["LOKET_OFFICE_DSN"] = dsn
    return subprocess.run([sys.executable, "-m", "app", "office", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def refused(done: subprocess.CompletedProcess) -> str:
    """The refusal's words: exit 2, nothing on stdout, no traceback."""
    assert done.returncode == 2 and "Traceback" not in done.stderr and not done.stdout, done.stdout + done.stderr
    return done.stderr


def test_a_login_that_does_not_lead_in_says_what_to_change_in_the_dsn(office_db, closed):
    server = office_db.server
    owner = f"owner_{office_db.name}"
    with office_db.admin() as conn:
        conn.execute(f"CREATE ROLE \"{owner}\" LOGIN PASSWORD 'pw-owner' IN ROLE loket_office_reader")
    good = f"host=127.0.0.1 port={server.port} dbname={office_db.name} user={owner}"
    cases = {
        "no dsn": ("", "No office database given: --dsn \"host="),
        "password": (good + " password=salah", "The server refused this user and password: check user= and "
                                               "password= in --dsn"),
        "no password": (good, "The server asks for a password: add password=... to --dsn, or set $PGPASSWORD."),
        "database": (f"host=127.0.0.1 port={server.port} dbname=kantr user={owner} password=pw-owner",
                     "There is no such database on that server: check dbname= in --dsn"),
        "down": (f"host=127.0.0.1 port={closed} dbname=loket user={owner} password=pw-owner",
                 "Nothing answers there: check host= and port= in --dsn, that PostgreSQL runs on that computer"),
        "kiosk's form": (f"127.0.0.1:{server.port}/{office_db.name}",
                         "--dsn is a libpq connection string, e.g. --dsn \"host=db.mitra.co.id port=5432 "
                         "dbname=loket"),
    }
    for case, (dsn, hint) in cases.items():
        said = refused(office(dsn, "migrate"))
        assert said.startswith("Cannot connect to the office database"), (case, said)
        assert hint in said, (case, said)
    said = refused(office(good + " password=salah", "counters"))
    assert said.splitlines()[0] == (f"Cannot connect to the office database (127.0.0.1, port {server.port}): password "
                                    f"authentication failed for user \"{owner}\""), said
    assert office(good + " password=pw-owner", "counters").returncode == 0


@pytest.fixture(scope="module")
def tls_office(tmp_path_factory):
    """The office's server with TLS, its certificate for kantor.test signed by the office's CA;
    the operator reaches it by that name at 127.0.0.1 (``hostaddr``: no name is looked up)."""
    folder = tmp_path_factory.mktemp("office-ca")
    ca = make_ca("Kantor Mitra CA")
    with LocalPostgres(fsync=False, tls=server_certificate(ca, "kantor.test")) as server:
        with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE loket")
            conn.execute("CREATE ROLE kantor_owner LOGIN CREATEROLE PASSWORD 'pw-owner'")
            conn.execute("ALTER DATABASE loket OWNER TO kantor_owner")
        dsn = (f"host=kantor.test hostaddr=127.0.0.1 port={server.port} dbname=loket user=kantor_owner "
               f"password=pw-owner sslmode=verify-full")
        yield dsn, write_ca(ca, folder / "kantor-ca.pem"), write_ca(make_ca("CA lain"), folder / "ca-lain.pem")


def test_over_tls_a_certificate_not_trusted_is_told_apart_from_a_missing_ca_file(tls_office):
    dsn, ca_file, other_ca = tls_office
    said = refused(office(f"{dsn} sslrootcert={other_ca}", "migrate"))
    assert "certificate verify failed" in said.splitlines()[0]
    assert "sslrootcert= must be the CA certificate that signed it, and host= the name written in the " \
           "certificate." in said
    said = refused(office(dsn, "migrate"))  # verify-full with no CA file given
    assert "sslrootcert= names no file: give the office's CA certificate" in said


def test_the_office_set_up_as_readme_says_takes_a_kiosk_over_tls(tls_office):
    """README's set-up: an owner login with CREATEROLE (not a superuser) owning the database,
    TLS with the office's CA; it migrates, registers a counter and a reader, and the kiosk's
    connection, as Koneksi Host makes it, gets in with verify-full."""
    dsn, ca_file, _ = tls_office
    trusted = f"{dsn} sslrootcert={ca_file}"
    done = office(trusted, "migrate")
    assert done.returncode == 0 and done.stdout.startswith("applied: 001_schema.sql"), done.stderr
    done = office(trusted, "add-counter", "--counter-id", "K001", stdin="pw-K001\n")
    assert done.returncode == 0 and "SERVER:" not in done.stdout, done.stderr  # the name the operator used
    port = int(dsn.split("port=")[1].split()[0])
    assert f"Alamat database kantor    kantor.test:{port}/loket" in done.stdout
    assert office(trusted, "add-reader", "--role", READER, stdin=READER_PASSWORD + "\n").returncode == 0
    kiosk = ByName("kantor.test", port, "loket", "K001", role_name("K001"), "pw-K001", str(ca_file))
    check = check_office(kiosk)
    assert check.ok and check.detail == "K001", check.error
    reader = trusted.replace("user=kantor_owner password=pw-owner", f"user={READER} password={READER_PASSWORD}")
    listed = office(reader, "counters")
    assert (listed.returncode, listed.stdout) == (0, "K001: never heard from\n"), listed.stderr


@pytest.fixture
def pushed(office_db, tmp_path):
    """K004's sealed day at the office, and a reading login."""
    counter = make_counter(tmp_path / "k4", 4)
    office_db.add_counter(counter.counter_id)
    outbox = Outbox(JournalSource(counter.journal_path), counter.counter_id, office_db.connector(counter.counter_id),
                    counter.folder)
    assert outbox.push().pending == 0
    outbox.close()
    with office_db.admin() as conn:
        db.add_reader(conn, READER, READER_PASSWORD)
    return office_db


def test_a_login_without_the_right_for_the_command_is_told_which_login_does_it(pushed, tmp_path):
    reader = pushed.server.tcp_conninfo(READER, READER_PASSWORD, pushed.name)
    counter = pushed.counter_dsn("K004")
    for args in (["migrate"], ["add-counter", "--counter-id", "K009"], ["retire-counter", "--counter-id", "K004"]):
        said = refused(office(reader, *args, stdin="pw-K009\n"))
        assert f"office {args[0]} needs the office owner's login" in said, said
    for args in (["counters"], ["verify"], ["report", "--date", DAY, "--out", str(tmp_path / "out")]):
        said = refused(office(counter, *args))
        assert said.startswith("permission denied for table ") and said.endswith(
            f"\noffice {args[0]} needs a reading login (add-reader) or the owner's: a counter's login reads only its "
            f"own rows.\n"), said
    assert not (tmp_path / "out").exists()


def test_a_database_without_the_office_schema_says_to_check_the_name_or_migrate(office_db, tmp_path):
    elsewhere = office_db.server.admin_conninfo("postgres")  # the server's default database, never migrated
    for args in (["counters"], ["verify"], ["report", "--date", DAY, "--out", str(tmp_path)]):
        said = refused(office(elsewhere, *args))
        assert "This database holds no office schema, or an older one than this Loket's: check dbname= in " \
               "--dsn" in said, said


def test_add_counter_says_what_the_kiosk_types_and_a_second_time_that_the_password_changed(office_db):
    said = refused(office(office_db.admin_dsn, "add-counter", "--counter-id", "K 001", stdin="pw\n"))
    assert said == "--counter-id 'K 001': a counter id is 1-32 letters, digits, '-' or '_': give one so\n"

    made = office(office_db.admin_dsn, "add-counter", "--counter-id", "K001", stdin="pw-K001\n")
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[:2] == ["K001 registered: login loket_c_k001.",
                         "For the kiosk's supervisor, Pengaturan > Koneksi Host > Kantor mitra:"]
    fields = {line[2:28].strip(): line[28:] for line in lines[2:]}
    assert fields["Alamat database kantor"].startswith(f"SERVER:{office_db.server.port}/{office_db.name}  (SERVER: ")
    assert (fields["ID loket ini"], fields["Nama login"]) == ("K001", "(empty)")
    assert set(fields) == {"Alamat database kantor", "ID loket ini", "Nama login", "Password login",
                           "Berkas sertifikat kantor"}

    again = office(office_db.admin_dsn, "add-counter", "--counter-id", "K001", stdin="pw-baru\n")
    assert again.returncode == 0 and again.stdout.startswith(
        "K001 was registered already: its login loket_c_k001 now has the password given here. The kiosk sends "
        "nothing until its supervisor types it in Koneksi Host"), again.stdout
    with pytest.raises(psycopg.OperationalError):  # what it says: the kiosk's old password no longer logs in
        psycopg.connect(office_db.counter_dsn("K001", "pw-K001")).close()
    psycopg.connect(office_db.counter_dsn("K001", "pw-baru")).close()


def test_a_report_of_a_day_the_office_holds_nothing_of_says_so_and_which_days_it_holds(pushed, tmp_path):
    reader = pushed.server.tcp_conninfo(READER, READER_PASSWORD, pushed.name)
    done = office(reader, "report", "--date", "2026-12-21", "--format", "csv", "--out", str(tmp_path / "a"))
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).is_file()  # written all the same: it is that day's report
    assert done.stderr == (f"No counter sent a transaction or Laporan Z of 2026-12-21: the office's rows run from "
                           f"{DAY} to {DAY}. Check --date.\n")
    done = office(reader, "report", "--date", DAY, "--format", "csv", "--out", str(tmp_path / "b"))
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_an_out_folder_that_cannot_be_made_names_out_only(pushed, tmp_path):
    """A missing --out folder is made; one under a file cannot be, and the operator is told to
    check --out, not --profile, which office refuses."""
    reader = pushed.server.tcp_conninfo(READER, READER_PASSWORD, pushed.name)
    done = office(reader, "report", "--date", DAY, "--format", "csv", "--out", str(tmp_path / "baru" / "laporan"))
    assert done.returncode == 0 and Path(done.stdout.strip()).parent == tmp_path / "baru" / "laporan", done.stderr
    (tmp_path / "berkas").write_text("")
    done = office(reader, "report", "--date", DAY, "--format", "csv", "--out", str(tmp_path / "berkas" / "x"))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("Cannot use the file or folder ")
    assert done.stderr.endswith("check --out and try again.\n"), done.stderr


# Words of the counter's Indonesian messages; the office CLI speaks English (README, Partner office).
def test_the_closed_port_of_these_tests_cannot_be_taken_while_they_use_it(closed):
    """A refusal for "nothing answers there" needs a port where nothing listens for the whole
    test. A port found free and given back can be taken meanwhile by any program on this
    machine that binds port 0 (a helper's PostgreSQL, a fake printer, an HTTP server): then the
    office CLI gets another server's words, or, from one that never answers, waits out psycopg's
    130 s connect timeout, past the test's 120 s. ``closed`` stays bound, never listened on."""
    for reuse in (0, 1):
        with socket.socket() as other:
            other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, reuse)
            with pytest.raises(OSError):
                other.bind(("127.0.0.1", closed))
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", closed), timeout=5).close()


INDONESIAN = ("tidak", "harus", "periksa", "berkas", "lalu", "tanggal", "profil ", "pilih", "diberikan", "coba")


def test_every_refusal_of_the_office_cli_is_in_english_and_names_what_to_change(pushed, tmp_path, closed):
    """The office's operator is the partner's IT person: every refusal is in one language, the
    one of README's office section, of PostgreSQL's and libpq's own words and of the office's
    output, and names the option, login or command to change."""
    owner, reader = pushed.admin_dsn, pushed.server.tcp_conninfo(READER, READER_PASSWORD, pushed.name)
    (tmp_path / "a-file").write_text("")
    data_home = tmp_path / "data"
    cases = [  # (dsn, args, stdin, what the message must name)
        (f"127.0.0.1:{closed}/loket", ["counters"], "", "--dsn"),
        (f"host=127.0.0.1 port={closed} dbname=loket user=x password=y", ["counters"], "", "--dsn"),
        (owner, ["report", "--date", "21-11-2026", "--out", str(tmp_path / "o")], "", "--date"),
        (reader, ["report", "--date", DAY, "--out", str(tmp_path / "a-file" / "x")], "", "--out"),
        (reader, ["report", "--date", DAY, "--out", str(data_home / "loket" / "laporan")], "", "--out"),
        (owner, ["counters", "--profile", str(tmp_path)], "", "--profile"),
        (owner, ["add-counter", "--counter-id", "K010"], "\n", "password"),
        (owner, ["add-reader", "--role", "laporan2"], "\n", "password"),
        (owner, ["add-counter", "--counter-id", "K 001"], "pw\n", "--counter-id"),
        (owner, ["add-reader", "--role", "Laporan Kantor"], "pw\n", "--role"),
        (owner, ["add-reader", "--role", "postgres"], "pw\n", "--role"),
        (owner, ["retire-counter", "--counter-id", "K404"], "", "--counter-id"),
        (owner, ["retire-counter", "--counter-id", "K004", "--replaced-by", "K405"], "", "--replaced-by"),
        (owner, ["acknowledge", "--alert", "999", "--note", "x"], "", "--alert"),
        (owner, ["acknowledge", "--alert", "999", "--note", " "], "", "--note"),
        (reader, ["acknowledge", "--alert", "1", "--note", "x"], "", "user= in --dsn"),
        (reader, ["migrate"], "", "user= in --dsn"),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG") and k != "LOKET_OFFICE_DSN"}
    env["XDG_DATA_HOME"] = str(data_home)  # the Loket profile folder of this computer's user: data/loket
    for dsn, args, stdin, names in cases:
        done = subprocess.run([sys.executable, "-m", "app", "office", *args], cwd=ROOT,
                              env={**env, "LOKET_OFFICE_DSN": dsn}, input=stdin, capture_output=True, text=True,
                              timeout=120)
        said = done.stderr
        assert done.returncode != 0 and "Traceback" not in said and not done.stdout, (args, said, done.stdout)
        assert names in said, (args, said)
        assert not [word for word in INDONESIAN if word in said.lower()], (args, said)


def test_a_server_that_takes_the_connection_and_never_answers_is_given_up_on_with_what_to_check():
    """A wrong port where something else listens, or a firewall that swallows the login: libpq
    alone waits minutes in silence (the operator thinks the command hangs). Without a
    connect_timeout in --dsn or $PGCONNECT_TIMEOUT, office gives up after CONNECT_TIMEOUT_S."""
    from app.cmd_office import CONNECT_TIMEOUT_S

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # takes the connection, never says a word
        port = silent.getsockname()[1]
        started = time.monotonic()
        said = refused(office(f"host=127.0.0.1 port={port} dbname=loket user=kantor_owner", "counters"))
        waited = time.monotonic() - started
    assert CONNECT_TIMEOUT_S <= waited < CONNECT_TIMEOUT_S + 20, waited
    assert "timeout expired" in said and "check host= and port= in --dsn" in said, said
