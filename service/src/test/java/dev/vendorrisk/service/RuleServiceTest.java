package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.vendorrisk.assessor.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieRuntimeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/** The start-up logic without Quarkus: a rule base that does not match its sources leaves the service not ready. */
class RuleServiceTest {

    @Test
    void aKieBaseThatDisagreesWithTheRuleFilesIsReportedAndNotServed() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(("package vra.rules;\n\nrule \"stray\"\n  @id(\"X-001\")\nwhen\nthen\nend\n")
                .getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        KieBase stray = builder.newKieBase();
        KieRuntimeBuilder runtime = mock(KieRuntimeBuilder.class);
        when(runtime.getKieBase(RuleService.KIE_BASE)).thenReturn(stray);

        RuleService service = new RuleService();
        service.runtimeBuilder = runtime;
        service.clock = Library.CLOCK;
        service.maxBodyBytes = 1 << 20;
        service.assessmentTimeout = java.time.Duration.ofSeconds(5);
        service.build();

        assertThat(service.ready()).isFalse();
        assertThat(service.failure()).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("rule 'stray'").contains("in none of the DRL sources given"))
                .anySatisfy(m -> assertThat(m).contains("is not in the compiled rule base"));
        assertThatThrownBy(service::assessor).isInstanceOf(RulesNotReadyException.class);
    }
}
