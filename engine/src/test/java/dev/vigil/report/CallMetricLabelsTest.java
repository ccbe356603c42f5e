package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallMetricLabelsTest {
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCallMetricTheReportShowsHasALabelInEachReportLanguage(Language ui) {
        Messages messages = Messages.of(ui);

        for (String metric : HtmlReports.CALL_METRICS) {
            assertThat(messages.getOrDefault("metric." + metric, "")).as("%s label of %s", ui, metric).isNotBlank();
        }
    }
}
