"""English time tagger: TimeML conventions of news (reported periods, weekdays, vague references)."""

from __future__ import annotations

import pytest

from extract.timex import tag


def values(text: str, published: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, published=published, lang="en")}


def test_a_year_earlier_in_a_quarterly_report_is_that_quarter() -> None:
    text = (
        "Acme Corp. said third-quarter profit fell to $4 million. Sales were $90 million, down from "
        "$95 million a year earlier. In the year-ago period, Acme had a loss. The latest period "
        "included a gain, and year-earlier results were restated."
    )
    found = values(text, "2015-11-03")
    assert found["third-quarter"] == "2015-Q3"
    assert found["a year earlier"] == "2014-Q3"
    assert found["the year-ago period"] == "2014-Q3"
    assert found["The latest period"] == "2015-Q3"
    assert found["year-earlier"] == "2014-Q3"


def test_a_year_ago_outside_quarterly_reports_is_the_year() -> None:
    assert values("A year ago the bridge was still closed.", "2015-11-03")["A year ago"] == "2014"
    text = "In the fiscal third quarter, net rose. For the first nine months, net was up from a year earlier."
    assert values(text, "2015-11-03")["a year earlier"] == "2014"


def test_a_forecast_quarter_is_not_the_reported_one() -> None:
    text = "Analysts expect losses through the second quarter of 2016. A year ago, the mill was profitable."
    found = values(text, "2015-11-03")
    assert found["the second quarter of 2016"] == "2016-Q2"
    assert found["A year ago"] == "2014"


def test_a_bare_quarter_belongs_to_the_publication_not_the_story() -> None:
    text = "The company was founded in 1972. Its fourth-quarter results will be weak."
    assert values(text, "2015-11-03")["fourth-quarter"] == "2015-Q4"
    assert values("The 2014 quarter had a one-time gain.", "2015-11-03")["The 2014 quarter"] == "2014-Q3"


def test_the_weekend_said_on_a_weekday_is_the_one_just_past() -> None:
    # 2015-11-04 is a Wednesday of ISO week 45
    assert values("Talks resumed over the weekend.", "2015-11-04")["the weekend"] == "2015-W44-WE"
    assert values("Markets calmed ahead of the weekend.", "2015-11-04")["the weekend"] == "2015-W45-WE"
    assert values("The fair opens this weekend.", "2015-11-04")["this weekend"] == "2015-W45-WE"
    assert values("Talks resumed over the weekend.", "2015-11-08")["the weekend"] == "2015-W45-WE"


def test_a_weekday_after_an_agreement_or_a_vow_to_act_is_the_coming_one() -> None:
    # 2015-11-06 is a Friday
    assert values("The parties have agreed to meet on Saturday.", "2015-11-06")["Saturday"] == "2015-11-07"
    assert values("The rebels vowed to strike again on Monday.", "2015-11-06")["Monday"] == "2015-11-09"
    assert values("The parties met on Monday.", "2015-11-06")["Monday"] == "2015-11-02"
    # ... not one after agreeing to a thing, which was agreed then
    assert values("The assembly agreed to the move on Tuesday.", "2015-11-06")["Tuesday"] == "2015-11-03"


def test_last_week_said_on_a_sunday_is_the_week_that_sunday_closes() -> None:
    # 2015-11-08 is the Sunday that closes ISO week 45; 2015-11-07 a Saturday of it
    assert values("Talks resumed last week.", "2015-11-08")["last week"] == "2015-W45"
    assert values("Talks resumed last week.", "2015-11-07")["last week"] == "2015-W44"


def test_a_year_named_by_its_end_is_a_twelve_month_duration() -> None:
    found = values("Revenue was $4 million for the fiscal year ended June 30.", "2015-11-03")
    assert found["the fiscal year"] == "P1Y"
    assert values("Revenue rose for the year.", "2015-11-03")["the year"] == "2015"


def test_a_holiday_without_a_year_is_the_latest_one_unless_future() -> None:
    assert values("The ferry sank on Christmas Eve.", "2016-02-10")["Christmas Eve"] == "2015-12-24"
    assert values("He was rescued last Thanksgiving.", "2016-02-10")["last Thanksgiving"] == "2015-11-26"
    assert values("The store will reopen by Halloween.", "2016-02-10")["Halloween"] == "2016-10-31"
    assert values("Parades marked Halloween 2014.", "2016-02-10")["Halloween 2014"] == "2014-10-31"


def test_current_is_the_present_and_this_month_name_the_publication_year() -> None:
    found = values("Under current rules the vote is due this September.", "2016-02-10")
    assert found["current"] == "PRESENT_REF"
    assert found["this September"] == "2016-09"
    assert values("Sales in the current quarter rose.", "2016-02-10")["the current quarter"] == "2016-Q1"


def test_an_initial_or_title_does_not_end_the_sentence_of_a_future_cue() -> None:
    text = "Ms. Ortiz will succeed John F. Kemp Feb. 1 as chairman."
    assert values(text, "2015-10-26")["Feb. 1"] == "2016-02-01"


def test_bare_seasons_year_end_and_weekly_sets() -> None:
    found = values("Over the summer the firm said it would close the deal by year-end.", "2015-10-26")
    assert found["the summer"] == "2015-SU"
    assert found["year-end"] == "2015"
    assert values("He gave his weekly address.", "2015-10-26")["weekly"] == "P1W"
    assert "fall" not in values("Prices may fall in winter.", "2015-10-26")
    assert values("Prices may fall in winter.", "2015-10-26")["winter"] == "2015-WI"


def test_halves_weeks_of_a_date_and_a_year_s_quarter() -> None:
    text = "Output should recover in the second half of 2016 and by next year's first quarter."
    found = values(text, "2015-10-26")
    assert found["the second half of 2016"] == "2016-H2"
    assert found["next year's first quarter"] == "2016-Q1"
    hearing = values("A hearing is set for the week of March 7.", "2016-02-24")
    assert hearing["the week of March 7"] == "2016-W10"
    text = "Profit was $3 million, against $2 million for the corresponding period last year."
    assert values(text, "2015-10-26")["the corresponding period last year"] == "2014-Q3"


def test_extents_follow_timeml() -> None:
    text = "For the nine months, net rose. In the past, and in recent years, the plant idled."
    found = values(text, "2015-10-26")
    assert found["the nine months"] == "P9M"
    assert found["the past"] == "PAST_REF"
    assert "recent years" in found


def test_payable_and_effective_dates_lie_ahead() -> None:
    found = values("The dividend is payable Jan. 5 to holders of record Dec. 1.", "2015-11-02")
    assert found["Jan. 5"] == "2016-01-05"
    assert values("The merger takes effect, effective Feb. 1.", "2015-11-02")["Feb. 1"] == "2016-02-01"


def test_a_deadline_after_by_lies_ahead() -> None:
    assert values("The airline will expand its fleet by August.", "2016-02-13")["August"] == "2016-08"
    assert values("The loan must be repaid by February.", "2015-10-30")["February"] == "2016-02"
    assert values("The plant reopened in February.", "2015-10-30")["February"] == "2015-02"


def test_noon_alone_and_vague_ago() -> None:
    found = values("He was due in court at midday. Several years ago he ran a shop.", "2015-10-08")
    assert found["midday"] == "2015-10-08T12:00"
    assert found["Several years ago"] == "PAST_REF"
    assert "noon" not in values("It was high noon for the party.", "2015-10-08")


def test_spelled_decades_and_half_units() -> None:
    found = values("Crime fell through the nineties. Talks lasted 5 1/2 hours.", "2015-10-08")
    assert found["the nineties"] == "199"
    assert found["5 1/2 hours"] == "PT5H30M"
    assert values("They waited a year and a half.", "2015-10-08")["a year and a half"] == "P1Y6M"
    assert values("He served two and a half years.", "2015-10-08")["two and a half years"] == "P2Y6M"
    found = values("Sales for the current fiscal year that were above plan", "2015-10-08")
    assert found == {"the current fiscal year": "2015"}


def test_only_a_yearly_recurrence_makes_the_sentence_s_dates_recur() -> None:
    text = "Crowds rallied almost every day for the boy, who was rescued Nov. 25."
    assert values(text, "2016-01-28")["Nov. 25"] == "2015-11-25"
    assert values("Every year, on June 4, the town holds a fair.", "2016-01-28")["June 4"] == "XXXX-06-04"


def test_a_modified_relative_day_keeps_its_modifier_in_the_extent() -> None:
    found = values("Late yesterday the talks broke down; later this afternoon they resume.", "2015-10-08")
    assert found["Late yesterday"] == "2015-10-07"
    assert found["later this afternoon"] == "2015-10-08TAF"


def test_an_adjectival_quarter_leaves_the_article_to_its_noun() -> None:
    found = values("The third-quarter loss widened in the fourth quarter.", "2015-12-08")
    assert found["third-quarter"] == "2015-Q3"
    assert found["the fourth quarter"] == "2015-Q4"


def test_mid_month() -> None:
    found = values("Talks stalled in mid-November.", "2015-12-08")
    assert found["mid-November"] == "2015-11"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The ferry sank on 17 August 2011 off the coast.", "17 August 2011", "2011-08-17"),
        ("Voting opens on 27 January 2024 in every district.", "27 January 2024", "2024-01-27"),
        ("The council met again on the 11th of June.", "11th of June", "2024-06-11"),
        ("By 1 May the harvest was in.", "1 May", "2024-05-01"),
        ("On 3 Feb sales fell 4 per cent, he wrote.", "3 Feb", "2024-02-03"),
        ("The office changed its advice at 9pm on 14 March.", "9pm on 14 March", "2024-03-14T21:00"),
    ],
)
def test_day_first_dates_and_ordinals(text: str, expression: str, value: str) -> None:
    tagged = {t.text: t.value for t in tag(text, published="2024-05-20", lang="en")}
    assert tagged.get(expression) == value, tagged


def test_a_date_in_brackets_names_the_weekday_before_it() -> None:
    tagged = values("The mayor said on Monday (April 8) that the bridge would reopen.", "2024-04-12")
    assert tagged == {"Monday": "2024-04-08", "April 8": "2024-04-08"}
    listed = values("Crowds gathered Thursday, Friday and Saturday.", "2024-04-13")
    assert listed == {"Thursday": "2024-04-11", "Friday": "2024-04-12", "Saturday": "2024-04-13"}


def test_a_future_sentence_reads_a_weekday_ahead() -> None:
    # published on a Tuesday
    assert values("The envoy will sign the accord on Thursday.", "2024-04-09") == {"Thursday": "2024-04-11"}
    assert values("The envoy signed the accord on Thursday.", "2024-04-09") == {"Thursday": "2024-04-04"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # published on a Thursday: a weekday right after a verb in the past is the one just gone,
        # though "would" or "will" stands earlier in the sentence (in a quote or another clause)
        ("The growers said they would fight the quota announced Tuesday.", "2022-06-07"),
        ('"Prices will fall," the minister said on Tuesday.', "2022-06-07"),
        # a participle after "be" is no past: the plan keeps its future
        ("The new timetable will be published Tuesday.", "2022-06-14"),
        ("A verdict is expected on Tuesday.", "2022-06-14"),
        ("The new timetable will be formally published Tuesday.", "2022-06-14"),
    ],
)
def test_a_weekday_after_a_past_verb_is_in_the_past(text: str, expected: str) -> None:
    assert values(text, "2022-06-09")["Tuesday"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # published on a Thursday: a weekday opening its sentence takes the tense of the verb after it
        ("On Tuesday, the two unions will vote on the offer.", "2022-06-14"),
        ("Tuesday the board will name a new chair.", "2022-06-14"),
        ("On Tuesday, the two unions voted on the offer.", "2022-06-07"),
        # a "will" after an expression inside the sentence belongs to another clause
        ("The unions voted Tuesday on a deal that will raise pay.", "2022-06-07"),
    ],
)
def test_a_fronted_weekday_takes_the_tense_of_the_verb_after_it(text: str, expected: str) -> None:
    assert values(text, "2022-06-09")["Tuesday"] == expected


def test_a_quarter_of_a_number_is_a_share_not_three_months() -> None:
    assert values("Almost a quarter of a million voters stayed home.", "2015-11-03") == {}
    assert values("Output fell for a quarter.", "2015-11-03")["a quarter"] == "P1Q"


def test_a_span_of_weekdays_without_from_is_a_schedule_not_two_dates() -> None:
    found = values("The clinic in Basra is open from 8am to 4pm Monday to Friday.", "2030-06-18")
    assert found["Monday to Friday"] == "XXXX-WXX-1/XXXX-WXX-5"
    found = values("The talks in Basra ran from Monday to Friday.", "2030-06-18")
    assert "Monday" in found and "Friday" in found  # a span of this week's days


def test_two_thousand_before_a_plural_is_a_count_not_a_year() -> None:
    published = "2030-06-18"
    year = "the year two thousand"
    assert "Two thousand" not in values("Two thousand years ago, herders grazed sheep near Basra.", published)
    assert "Two thousand" not in values("Two thousand troops arrived in Basra.", published)
    assert values("In the year two thousand, the port reopened.", published)[year] == "2000"
    assert values("In the year two thousand has a chapter of its own.", published)[year] == "2000"


def test_a_count_in_words_with_tens_and_ones_is_read_whole() -> None:
    found = values("Twenty-five years ago the bridge over the Shatt al-Arab opened.", "2030-06-18")
    assert found["Twenty-five years ago"] == "2005"


def test_a_clock_time_under_a_daily_recurrence_is_a_time_of_every_day() -> None:
    text = "Every night, the show airs at 5:00 p.m. and again at 11:00 p.m. on HLN."
    found = values(text, "2030-01-31")
    assert (found["5:00 p.m."], found["11:00 p.m."]) == ("XXXX-XX-XXT17:00", "XXXX-XX-XXT23:00")
    # a day of its own in the sentence is still that day
    text = "Protesters gather daily; on Friday police fired tear gas."
    assert values(text, "2030-01-31")["Friday"] == "2030-01-25"


def test_seventy_and_eighty_open_expressions_like_the_other_tens() -> None:
    assert values("The talks ended seventy days earlier.", "2030-01-31")["seventy days earlier"] == "P70D"
    assert values("The fort fell eighty years ago.", "2030-01-31")["eighty years ago"] == "1950"


def test_the_last_unit_of_something_is_not_the_one_before_publication() -> None:
    found = values("The last week of the talks was tense; in the last week of May envoys met.", "2030-06-20")
    assert "The last week" not in found and "the last week" not in found
    assert found["May"] == "2030-05"
    assert values("Talks stalled last week.", "2030-06-20")["last week"] == "2030-W24"
    assert values("The signing last week of the accord ended it.", "2030-06-20")["last week"] == "2030-W24"


def test_the_year_a_clause_tells_is_not_the_reported_year() -> None:
    found = values(
        "Talks went on until 2019, the year Basra's port reopened, and the year he left.", "2030-06-20"
    )
    assert set(found) == {"2019"}
    assert values("Profits for the year rose.", "2030-06-20")["the year"] == "2030"


def test_a_weekday_whose_plan_its_possessive_names_is_the_coming_one() -> None:
    found = values("Organisers in Basra printed banners for Thursday's planned march.", "2030-05-20")
    assert found["Thursday"] == "2030-05-23"  # published on a Monday
    assert values("Protesters in Basra marched on Thursday.", "2030-05-20")["Thursday"] == "2030-05-16"


def test_a_day_that_names_a_group_or_its_martyrs_is_no_date() -> None:
    text = "Members of the June 4 Martyrs' Brigade and the March 9 Revolution council met in Basra."
    assert values(text, "2030-05-20") == {}


def test_a_day_of_a_month_in_a_year_is_that_month_not_the_publication_years() -> None:
    found = values("Marines reached the river on an April morning in 2003, and left that June.", "2009-06-01")
    assert found["an April morning in 2003"] == "2003-04"
    assert "April" not in found


def test_a_day_told_from_now_in_a_quotation_is_told_from_the_day_it_was_said() -> None:
    text = '"Militias fired rockets at the base last night," a US spokesman said on Tuesday.'
    assert values(text, "2023-11-23") == {"last night": "2023-11-20TNI", "Tuesday": "2023-11-21"}
    # ... not from a day the quotation's speaker goes on to tell of
    text = '"We were hit last night," he said, adding that tests showed the damage on Wednesday.'
    assert values(text, "2023-11-23")["last night"] == "2023-11-22TNI"
    # ... nor outside a quotation, where the reporter tells it
    text = "Militias fired rockets at the base last night, a US spokesman said on Tuesday."
    assert values(text, "2023-11-23")["last night"] == "2023-11-22TNI"
