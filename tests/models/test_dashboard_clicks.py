"""What a click on the dashboard filters the records list to (`models.dashboard.click_filter`):
the exact filter for each kind of figure, and on the hand-computed sample of
`test_dashboard` the very registrations the figure counts. No Qt."""

from datetime import date

import pytest

from models.dashboard import Click, Figure, OfficerFigure, click_filter
from models.store import RecordFilter, RegistrationStore
from tests.models.test_dashboard import KUALA_JELAI, NATAI, TODAY, fill_sample


def clicked(figure: Figure, key: str = "", part: str = "", offset: int = 7) -> RecordFilter:
    return click_filter(Click(figure, key, part), today=TODAY, utc_offset_hours=offset)


@pytest.mark.parametrize(
    ("click", "expected"),
    [
        (Click(Figure.COUNTED), RecordFilter(counted=True)),
        (Click(Figure.STATUS, "draft"), RecordFilter(status="draft")),
        (Click(Figure.STATUS, "registered"), RecordFilter(status="registered")),
        (Click(Figure.FUNDING, "csr"), RecordFilter(counted=True, funding_source="csr")),
        (Click(Figure.PLACE, "62.08.01"), RecordFilter(counted=True, kecamatan_code="62.08.01")),
        (Click(Figure.PLACE, "62.08.01", NATAI), RecordFilter(counted=True, village_code=NATAI)),
        (Click(Figure.PLACE, "", ""), RecordFilter(counted=True, no_village=True)),
        (Click(Figure.GROUP, "petani"), RecordFilter(counted=True, target_group="petani")),
        (Click(Figure.GROUP, ""), RecordFilter(counted=True, target_group="")),
        (Click(Figure.SEX, "P"), RecordFilter(counted=True, sex="P")),
        (Click(Figure.AGE, "25-34"),
         RecordFilter(counted=True, born_after="1991-11-27", born_until="2001-11-27")),
        (Click(Figure.AGE, "<25"), RecordFilter(counted=True, born_after="2001-11-27")),
        (Click(Figure.AGE, "55+"), RecordFilter(counted=True, born_until="1971-11-27")),
        (Click(Figure.AGE, ""), RecordFilter(counted=True, birth_unknown=True)),
        # Monday 9 November 00:00 in WIB is Sunday 8 November 17:00 UTC.
        (Click(Figure.WEEK, "2026-11-09"), RecordFilter(
            counted=True, created_from="2026-11-08T17:00:00",
            created_before="2026-11-15T17:00:00")),
        # After the week of Friday 27 November: from Monday 30 November, local.
        (Click(Figure.FUTURE), RecordFilter(counted=True, created_from="2026-11-29T17:00:00")),
        (Click(Figure.OFFICER, "Siti", OfficerFigure.ALL), RecordFilter(created_by="Siti")),
        (Click(Figure.OFFICER, "Siti", OfficerFigure.DRAFTS),
         RecordFilter(status="draft", created_by="Siti")),
        (Click(Figure.OFFICER, "Siti", OfficerFigure.WARNED),
         RecordFilter(created_by="Siti", warned=True)),
        (Click(Figure.OFFICER, "Siti", OfficerFigure.FLAGGED),
         RecordFilter(created_by="Siti", flagged=True)),
        (Click(Figure.OFFICER, "", OfficerFigure.CONFLICTS), RecordFilter(conflict_officer="")),
    ],
)  # fmt: skip
def test_each_click_gives_its_filter(click, expected):
    assert click_filter(click, today=TODAY, utc_offset_hours=7) == expected


def test_plain_strings_are_clicks_too():
    """A click made of the strings a table cell or a chart bar holds."""
    assert click_filter(Click("officer", "Budi", "draft"), today=TODAY, utc_offset_hours=7) == (
        RecordFilter(status="draft", created_by="Budi")
    )


def test_the_week_follows_the_utc_offset():
    assert clicked(Figure.WEEK, "2026-11-09", offset=9) == RecordFilter(
        counted=True, created_from="2026-11-08T15:00:00", created_before="2026-11-15T15:00:00"
    )
    assert clicked(Figure.FUTURE, offset=0).created_from == "2026-11-30T00:00:00"


def test_an_age_band_is_read_on_the_day_given():
    on_leap_day = click_filter(Click(Figure.AGE, "25-34"), today=date(2028, 2, 29),
                               utc_offset_hours=7)  # fmt: skip
    assert (on_leap_day.born_after, on_leap_day.born_until) == ("1993-02-28", "2003-02-28")


@pytest.mark.parametrize(
    "click",
    [Click("bubble", "x"), Click(Figure.OFFICER, "Siti", "coffee"), Click(Figure.OFFICER, "Siti")],
)
def test_a_figure_the_dashboard_does_not_have_is_refused(click):
    with pytest.raises(ValueError, match="not a"):
        click_filter(click, today=TODAY, utc_offset_hours=7)


def test_each_click_lists_what_its_figure_counts(configured_db):
    """The sample of `test_dashboard`: A, B, C, F, H counted; D a draft and E rejected (both
    Siti's), G deleted; Siti's F carries a confirmed warning; her record collided with A."""
    store = RegistrationStore(fill_sample(configured_db))

    def names(figure: Figure, key: str = "", part: str = "") -> set[str]:
        return {r.full_name for r in store.registrations_matching(clicked(figure, key, part))}

    assert names(Figure.COUNTED) == {"A", "B", "C", "F", "H"}
    assert names(Figure.STATUS, "draft") == {"D"}
    assert names(Figure.STATUS, "rejected") == {"E"}
    assert names(Figure.FUNDING, "apbd") == {"A", "B", "H"}
    assert names(Figure.FUNDING, "mandiri") == {"F"}
    assert names(Figure.PLACE, "62.08.02") == {"C", "F"}
    assert names(Figure.PLACE, "62.08.01", NATAI) == {"A", "B", "H"}
    assert names(Figure.PLACE, "62.08.02", KUALA_JELAI) == {"C", "F"}
    assert names(Figure.GROUP, "petani") == {"A", "H"}
    assert names(Figure.SEX, "L") == {"B", "F", "H"}
    assert names(Figure.AGE, "<25") == {"B"}
    assert names(Figure.AGE, "55+") == {"C", "F"}
    assert names(Figure.WEEK, "2026-11-09") == {"B", "F", "H"}
    assert names(Figure.WEEK, "2026-10-19") == {"C"}
    assert names(Figure.FUTURE) == set()
    assert names(Figure.OFFICER, "Siti", OfficerFigure.ALL) == {"D", "E", "F", "H"}
    assert names(Figure.OFFICER, "Siti", OfficerFigure.DRAFTS) == {"D"}
    assert names(Figure.OFFICER, "Siti", OfficerFigure.WARNED) == {"F"}
    assert names(Figure.OFFICER, "Siti", OfficerFigure.FLAGGED) == {"D", "F"}
    assert names(Figure.OFFICER, "Siti", OfficerFigure.CONFLICTS) == {"A"}
    assert names(Figure.OFFICER, "Ahmad", OfficerFigure.CONFLICTS) == set()
