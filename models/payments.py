"""The regency's payments to BPJS: which months it paid, when, for which participants, and
how much (all the SQL of writing and listing payments).

A payment chooses the live registered participants of a funding source and a kecamatan (or
all) whose coverage takes in any of its months, leaving out those who lapsed or ended
before its first month (BPJS no longer bills them: paying them would be a new
registration) and those whose months were all paid already. Each chosen participant
moves to the payment history that adds this payment (`payment_histories`), which is how
`models.coverage` knows its paid months; the amount is the contribution of each month it
pays that was not paid before (`models.coverage_rules.contribution_for_month`).

A payment is not a registration edit: it is one row of ``payments`` with its shares per
kecamatan and funding source, and one audit row (action ``payment``, subject
``payment:<id>``) chained like every change, all in one transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from sqlite_utils import Database

from models import audit
from models.contribution import ContributionTable, default_table
from models.coverage import GroupKey, Histories, Walks, group_rows, pks_month
from models.coverage_rules import (
    BILLED,
    PaidSpan,
    Pricer,
    month_number,
    month_text,
    paid_months,
    parse_events,
    walk,
)
from models.db import select_rows, write_transaction

PAYMENT_ACTION = "payment"
#: The longest span one payment may cover (arrears of a year and the year ahead).
MAX_MONTHS = 24


class NothingToPay(ValueError):
    """The payment would choose nobody (nothing is written)."""


@dataclass(frozen=True)
class Payment:
    """A payment as stored."""

    id: int
    first_month: str
    last_month: str
    paid_on: str
    funding_source: str  # "" = every source
    kecamatan_code: str  # "" = every kecamatan
    participants: int
    amount: int
    note: str
    recorded_at: str
    recorded_by: str


@dataclass(frozen=True)
class PaymentResult:
    """A payment recorded, and who it left out."""

    payment: Payment
    already_paid: int  # participants whose months were all paid before
    left_out: int  # lapsed or ended before the first month

    def as_json(self) -> dict:
        return {**asdict(self.payment), "already_paid": self.already_paid,
                "left_out": self.left_out}  # fmt: skip


@dataclass
class _Choice:
    """What a payment does to one group of participants."""

    months: list[int]
    people: int = 0


def record_payment(
    db: Database,
    *,
    first_month: str,
    last_month: str,
    paid_on: date,
    actor: str,
    funding_source: str = "",
    kecamatan: str = "",
    note: str = "",
    table: ContributionTable | None = None,
) -> PaymentResult:
    """Record that the regency paid months ``first_month`` to ``last_month`` (``"2025-01"``)
    on ``paid_on`` for the participants it chooses (see the module), in one transaction.
    Raises ValueError for months in the wrong order or too many of them, and
    `NothingToPay` when nobody would be paid for."""
    first, last = month_number(first_month), month_number(last_month)
    if last < first:
        raise ValueError(f"bulan {last_month} sebelum {first_month}")
    if last - first + 1 > MAX_MONTHS:
        raise ValueError(f"satu pembayaran paling banyak {MAX_MONTHS} bulan")
    pricer = Pricer(table or default_table())
    with write_transaction(db):
        walks = Walks(Histories(db), pks_month(db))
        where, params = _filters(funding_source, kecamatan)
        rows = list(group_rows(db, last, by_kecamatan=True, where=where, params=params))
        span = PaidSpan(first, last, month_number(paid_on))
        choices, already, left_out = _choose(walks, {row[0] for row in rows}, span)
        shares: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for key, source, jht, income, transport, place, count in rows:
            choice = choices.get(key)
            if choice is None:
                continue
            amount = count * sum(
                pricer.price(source, jht, income, m, transport) for m in choice.months
            )
            share = shares[(place or "", source)]
            share[0] += count
            share[1] += amount
            choice.people += count
        already_paid = sum(count for key, *_, count in rows if key in already)
        dropped = sum(count for key, *_, count in rows if key in left_out)
        people = sum(share[0] for share in shares.values())
        if not people:
            raise NothingToPay(
                "tidak ada peserta yang dibayar: tidak ada peserta terdaftar yang aktif pada"
                " bulan-bulan itu, atau semuanya sudah dibayar"
            )
        payment = _insert(db, first, last, paid_on, funding_source, kecamatan, note, actor,
                          people, sum(share[1] for share in shares.values()))  # fmt: skip
        _move_histories(db, walks.histories, choices, payment.id, where, params)
        db.conn.executemany(
            "INSERT INTO payment_shares (payment_id, kecamatan_code, funding_source,"
            " participants, amount) VALUES (?, ?, ?, ?, ?)",
            [(payment.id, place, source, n, amount)
             for (place, source), (n, amount) in sorted(shares.items())],
        )  # fmt: skip
        after = {**asdict(payment), "shares": [
            {"kecamatan_code": place, "funding_source": source, "participants": n,
             "amount": amount} for (place, source), (n, amount) in sorted(shares.items())
        ]}  # fmt: skip
        subject = f"payment:{payment.id}"
        audit.append(db, audit.audit_rows(db, [(PAYMENT_ACTION, subject, 1, None, after)], actor))
    return PaymentResult(payment, already_paid, dropped)


def _filters(funding_source: str, kecamatan: str) -> tuple[str, list]:
    where, params = "", []
    if funding_source:
        where += " AND funding_source = ?"
        params.append(funding_source)
    if kecamatan:
        where += " AND kecamatan_code = ?"
        params.append(kecamatan)
    return where, params


def _choose(
    walks: Walks, keys: set[GroupKey], span: PaidSpan
) -> tuple[dict[GroupKey, _Choice], set[GroupKey], set[GroupKey]]:
    """Which groups the payment takes and the months it pays for each; the groups whose
    months were all paid already; the groups left out (lapsed or ended before).

    A group's months are judged with this payment among its own: a payment made in the
    month that would have been the third unpaid one keeps the participant, one made after
    the lapse does not bring it back."""
    choices: dict[GroupKey, _Choice] = {}
    already: set[GroupKey] = set()
    left_out: set[GroupKey] = set()
    for key in keys:
        start = walks.start(key)
        if start is None or start > span.last:
            continue
        spans = walks.histories.spans.get(key.history, ())
        paid = paid_months(walks.states(key, span.last), spans)
        with_it = walk(start, (*spans, span), parse_events(key.events), span.last)
        months = [
            m for m in range(max(span.first, start), span.last + 1)
            if with_it[m] in BILLED and m not in paid
        ]  # fmt: skip
        if months:
            choices[key] = _Choice(months)
        elif any(with_it[m] in BILLED for m in range(max(span.first, start), span.last + 1)):
            already.add(key)
        else:
            left_out.add(key)
    return choices, already, left_out


def _insert(db, first, last, paid_on, funding_source, kecamatan, note, actor, people,
            amount) -> Payment:  # fmt: skip
    values = {
        "first_month": month_text(first), "last_month": month_text(last),
        "paid_on": paid_on.isoformat(), "funding_source": funding_source,
        "kecamatan_code": kecamatan, "participants": people, "amount": amount,
        "note": note.strip(), "recorded_at": audit.now_iso(), "recorded_by": actor,
    }  # fmt: skip
    cursor = db.execute(
        f"INSERT INTO payments ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    return Payment(id=cursor.lastrowid, **values)


def _move_histories(db: Database, histories: Histories, choices: dict[GroupKey, _Choice],
                    payment_id: int, where: str, params: list) -> None:  # fmt: skip
    """Give every chosen participant the history that adds ``payment_id`` to its own."""
    new_history: dict[int, int] = {}
    for old in sorted({key.history for key in choices}):
        payments = json.dumps(sorted((*histories.payment_ids.get(old, ()), payment_id)))
        db.execute(
            "INSERT INTO payment_histories (payments) VALUES (?) ON CONFLICT DO NOTHING",
            [payments],
        )
        (new_history[old],) = db.execute(
            "SELECT id FROM payment_histories WHERE payments = ?", [payments]
        ).fetchone()
    db.conn.executemany(
        "UPDATE coverage_participants SET history = ? WHERE live = 1 AND registered_month = ?"
        f" AND history = ? AND events = ?{where}",
        [(new_history[key.history], key.registered_month, key.history, key.events, *params)
         for key in choices],
    )  # fmt: skip


def payments(db: Database) -> list[Payment]:
    """Every payment recorded, the newest first."""
    return [
        Payment(**row)
        for row in select_rows(
            db,
            "SELECT id, first_month, last_month, paid_on, funding_source, kecamatan_code,"
            " participants, amount, note, recorded_at, recorded_by FROM payments"
            " ORDER BY id DESC",
        )
    ]


def payment_shares(db: Database, payment_id: int) -> list[dict]:
    """A payment's amount per kecamatan and funding source."""
    return select_rows(
        db,
        "SELECT kecamatan_code, funding_source, participants, amount FROM payment_shares"
        " WHERE payment_id = ? ORDER BY kecamatan_code, funding_source",
        [payment_id],
    )
