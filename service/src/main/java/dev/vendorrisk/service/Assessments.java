package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.RuleTimeoutException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.batch.PortfolioWaivers;
import dev.vendorrisk.assessor.portfolio.PortfolioEntry;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.report.FileResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Assesses the profiles of one request, for the API and the page alike: each within the time limit,
 * then the portfolio rules over the valid ones, as {@code vra assess} does for its files.
 */
@ApplicationScoped
public class Assessments {
    @Inject
    RuleService rules;

    @Inject
    TimeLimit timeLimit;

    /** One profile of a request: the name reports give it, its bytes, and whether they are JSON. */
    record Input(String name, byte[] content, boolean json) {
    }

    /**
     * What a request gets: a result per profile and the portfolio evaluation, which is null when the
     * request was refused before any profile was read.
     */
    record Outcome(List<FileResult> results, PortfolioResult portfolio) {
        Outcome {
            results = List.copyOf(results);
        }

        /** A request refused as a whole: one failed result with the diagnostics. */
        static Outcome refused(String name, List<Diagnostic> diagnostics) {
            return new Outcome(List.of(FileResult.failed(name, diagnostics)), null);
        }

        boolean invalid() {
            return results.stream().anyMatch(r -> !r.ok());
        }
    }

    /** The largest request body accepted, in bytes ({@code vra.max-body-bytes}). */
    int maxBodyBytes() {
        return rules.maxBodyBytes();
    }

    /**
     * Assesses the profiles one after the other on the assessment pool (see {@link TimeLimit}), then runs
     * the portfolio rules over the valid ones, as {@code vra assess} does (see {@code BatchAssessor}): the
     * same {@link PortfolioSession}, fed the same {@link PortfolioEntry} per assessed service, so the
     * report's portfolio section is the command line's. Even one profile gets it, as it does from the
     * command line. The stage fails with {@link RuleTimeoutException} when the library stops a rule at the
     * time limit, {@link RuleBaseException} when a rule fails (both naming the rule and, in a batch, which
     * profiles were and were not assessed), {@link TimeLimit.TimedOut} when an assessment runs over the
     * service's outer bound, or {@link RulesNotReadyException} when the rule base is broken.
     */
    CompletionStage<Outcome> assess(List<Input> inputs) {
        return timeLimit.submit(limiter -> {
            VendorRiskAssessor assessor = rules.assessor();
            List<FileResult> results = new ArrayList<>(inputs.size());
            PortfolioSession portfolio = new PortfolioSession(assessor.rules(), assessor.timeLimit());
            PortfolioWaivers waivers = PortfolioWaivers.none();
            List<String> names = inputs.stream().map(Input::name).toList();
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                try {
                    ParsedProfile parsed = input.json() ? assessor.reader().readJson(input.name(), input.content())
                            : assessor.reader().read(input.name(), input.content());
                    Assessment assessment = limiter.run(names, i, () -> assessor.assess(parsed, waivers));
                    results.add(FileResult.of(assessment));
                    portfolio.add(PortfolioEntry.of(assessment, parsed.profile().service().kind()));
                } catch (InvalidProfileException e) {
                    results.add(FileResult.failed(input.name(), e.diagnostics()));
                } catch (RuleTimeoutException e) {
                    throw new RuleTimeoutException(BatchProgress.withProgress(e.diagnostics(), names, i));
                } catch (RuleBaseException e) {
                    throw new RuleBaseException(BatchProgress.withProgress(e.diagnostics(), names, i));
                }
            }
            return new Outcome(results, portfolio.evaluate(waivers.warnings()));
        });
    }

    /** The same, waiting for the outcome: for callers on a worker thread. */
    Outcome assessNow(List<Input> inputs) {
        try {
            return assess(inputs).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
