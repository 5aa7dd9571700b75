package dev.vendorrisk.service;

import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.rules.RuleFolders;
import dev.vendorrisk.assessor.scoring.PolicyReader;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieRuntimeBuilder;

/**
 * Holds the service's {@link VendorRiskAssessor}: the library, built over the KieBase that Kogito
 * compiled at build time from the copied {@code rules/} folder, with the same DRL texts (for each
 * rule's file and line) and the same {@code scoring.yaml}. Built once at start-up; if the rules fail
 * their checks the service stays up, reports not ready, and answers assessments with 503.
 */
@ApplicationScoped
public class RuleService {
    /** The KieBase declared in {@code META-INF/kmodule.xml}. */
    public static final String KIE_BASE = "vraKB";
    /** Where the build copies the project's rules folder, on the class path. */
    public static final String RULES_RESOURCE = "vra/rules";
    /** How diagnostics and rule metadata name that folder: as in the repository. */
    public static final String RULES_DISPLAY = "rules";

    private static final Logger LOG = Logger.getLogger(RuleService.class);

    @Inject
    KieRuntimeBuilder runtimeBuilder;

    @Inject
    Clock clock;

    @ConfigProperty(name = "vra.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    /** The library's time limit per assessment: past it the rule running is stopped and named. */
    @ConfigProperty(name = "vra.assessment-timeout", defaultValue = "5s")
    Duration assessmentTimeout;

    /** How long a request waits for a rule base that is still being built. */
    private static final long WAIT_SECONDS = 60;

    private volatile VendorRiskAssessor assessor;
    private volatile List<Diagnostic> failure = List.of(new Diagnostic(RULES_DISPLAY, 0, 0,
            "the rule base is still being built"));
    private final CountDownLatch built = new CountDownLatch(1);

    void onStart(@Observes StartupEvent event) {
        Thread builder = new Thread(this::build, "vra-rule-base");
        builder.setDaemon(true);
        builder.start();
    }

    /** Builds the assessor, once; on failure keeps the diagnostics. */
    synchronized void build() {
        try {
            buildOnce();
        } finally {
            built.countDown();
        }
    }

    private void buildOnce() {
        if (assessor != null) {
            return;
        }
        long start = System.nanoTime();
        try {
            KieBase kieBase = runtimeBuilder.getKieBase(KIE_BASE);
            long kieBaseMillis = (System.nanoTime() - start) / 1_000_000;
            RuleFolders.Folder rules = RuleFolders.classpath(Thread.currentThread().getContextClassLoader(),
                    RULES_RESOURCE, RULES_DISPLAY);
            assessor = VendorRiskAssessor.builder()
                    .precompiled(kieBase, rules.drl(), PolicyReader.read(rules.scoring().file(), rules.scoring().content()))
                    .clock(clock)
                    .maxProfileBytes(maxBodyBytes)
                    .timeLimit(assessmentTimeout)
                    .build();
            failure = List.of();
            LOG.infof("rule base ready: %d finding rules in %d files, in %d ms (KieBase %d ms)",
                    assessor.rules().rules().size(), rules.drl().size(), (System.nanoTime() - start) / 1_000_000,
                    kieBaseMillis);
        } catch (AssessorException e) {
            failure = e.diagnostics();
            LOG.errorf("the rule base is broken; the service stays not ready:%n%s", e.getMessage());
        } catch (RuntimeException e) {
            failure = List.of(new Diagnostic(RULES_DISPLAY, 0, 0, "the rule base could not be built: " + e));
            LOG.error("the rule base could not be built; the service stays not ready", e);
        }
    }

    /** True when assessments can be served. */
    public boolean ready() {
        return assessor != null;
    }

    /** Why the rule base is not ready; empty when it is. */
    public List<Diagnostic> failure() {
        return failure;
    }

    /**
     * The assessor; while it is being built, waits for it (up to a minute).
     *
     * @throws RulesNotReadyException when the rule base is broken (or not built within the wait)
     */
    public VendorRiskAssessor assessor() {
        VendorRiskAssessor a = assessor;
        if (a == null) {
            try {
                built.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            a = assessor;
        }
        if (a == null) {
            throw new RulesNotReadyException(failure);
        }
        return a;
    }

    /** The largest request body accepted, in bytes ({@code vra.max-body-bytes}). */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }
}
