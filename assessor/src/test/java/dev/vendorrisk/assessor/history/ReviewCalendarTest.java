package dev.vendorrisk.assessor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.profile.Criticality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewCalendarTest {
    private static final Map<String, Double> LIMITS = Map.of("reviewIntervalMonths.critical", 6.0,
            "reviewIntervalMonths.high", 12.0, "reviewIntervalMonths.medium", 24.0, "reviewIntervalMonths.low", 36.0);

    @Test
    void theIntervalIsCalendarMonthsByTier() {
        LocalDate on = LocalDate.of(2018, 2, 19);
        assertThat(ReviewCalendar.nextReviewDue(on, Criticality.CRITICAL, LIMITS)).isEqualTo("2018-08-19");
        assertThat(ReviewCalendar.nextReviewDue(on, Criticality.HIGH, LIMITS)).isEqualTo("2019-02-19");
        assertThat(ReviewCalendar.nextReviewDue(on, Criticality.MEDIUM, LIMITS)).isEqualTo("2020-02-19");
        assertThat(ReviewCalendar.nextReviewDue(on, Criticality.LOW, LIMITS)).isEqualTo("2021-02-19");
    }

    @Test
    void fromTheThirtyFirstToAShorterMonthItIsThatMonthsLastDay() {
        assertThat(ReviewCalendar.nextReviewDue(LocalDate.of(2018, 8, 31), Criticality.CRITICAL, LIMITS))
                .isEqualTo("2019-02-28");
        assertThat(ReviewCalendar.nextReviewDue(LocalDate.of(2019, 8, 31), Criticality.CRITICAL, LIMITS))
                .isEqualTo("2020-02-29");
        assertThat(ReviewCalendar.nextReviewDue(LocalDate.of(2018, 5, 31), Criticality.CRITICAL, LIMITS))
                .isEqualTo("2018-11-30");
    }

    @Test
    void dueOnTheDayItselfIsNotOverdue() {
        LocalDate due = LocalDate.of(2018, 8, 19);
        assertThat(ReviewCalendar.overdue(due, due)).isFalse();
        assertThat(ReviewCalendar.overdue(due, due.plusDays(1))).isTrue();
        assertThat(ReviewCalendar.overdue(null, due)).isFalse();
    }

    @Test
    void everyAssessmentCarriesItsNextReviewAndTheRunDate() {
        VendorRiskAssessor assessor = TestRules.assessor().withRunDate(LocalDate.of(2018, 8, 20));
        Assessment a = assessor.assess(TestRules.ROOT.resolve("samples/pbx-incident.yaml"));
        assertThat(a.nextReviewDue()).isEqualTo("2018-08-19");
        assertThat(a.runDate()).isEqualTo("2018-08-20");
        assertThat(a.reviewOverdue()).isTrue();
        assertThat(a.findings()).anyMatch(f -> f.id().equals("REVIEW-001") && f.line() == 84);

        Assessment onTheDay = TestRules.assessor().withRunDate(LocalDate.of(2018, 8, 19))
                .assess(TestRules.ROOT.resolve("samples/pbx-incident.yaml"));
        assertThat(onTheDay.reviewOverdue()).isFalse();
        assertThat(onTheDay.findings()).noneMatch(f -> f.id().equals("REVIEW-001"));
    }

    @Test
    void aProfileWithoutAssessedOnIsAssessedOnTheRunDateAndNeverOverdue() throws Exception {
        String yaml = Files.readString(TestRules.ROOT.resolve("samples/pbx-incident.yaml"))
                .replaceAll("(?m)^  assessedOn:.*$", "");
        Assessment a = TestRules.assessor().withRunDate(LocalDate.of(2031, 1, 1)).assessYaml("x.yaml", yaml);
        assertThat(a.assessedOn()).isEqualTo("2031-01-01");
        assertThat(a.nextReviewDue()).isEqualTo("2031-07-01");
        assertThat(a.reviewOverdue()).isFalse();
    }

    @Test
    void aRunDateBeforeAssessedOnIsAnErrorAtThatLine() {
        VendorRiskAssessor assessor = TestRules.assessor().withRunDate(LocalDate.of(2018, 2, 18));
        Path pbx = TestRules.ROOT.resolve("samples/pbx-incident.yaml");
        assertThatThrownBy(() -> assessor.assess(pbx)).isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining(":84:3: assessment.assessedOn '2018-02-19' is after the run date 2018-02-18");
    }
}
