package io.lifeboat.gateway.retention;

import io.lifeboat.gateway.web.Problems;
import io.lifeboat.retention.policy.BackupFacts;
import io.lifeboat.retention.policy.EnvironmentKind;
import io.lifeboat.retention.policy.Evaluation;
import io.lifeboat.retention.policy.Policy;
import io.lifeboat.retention.policy.RetentionEngine;
import io.lifeboat.retention.policy.Rule;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Runs the retention engine the retention service runs, on backups the caller describes. Changes nothing. */
@RestController
class RetentionController {

    /** Which backups are kept, each with its reasons and expiry, and which expire. */
    record EvaluationView(String policy, int manualAllowance, List<String> rules, List<Verdict> kept,
                          List<Verdict> expired) {
    }

    record Verdict(String id, List<String> reasons, Instant expiresAt) {
    }

    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    @PostMapping("/retention/evaluate")
    EvaluationView evaluate(@Valid @RequestBody EvaluationRequest request) {
        Policy policy = policy(request.policy(), request.manualAllowance());
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            throw Problems.invalid("timezone", "timezone '" + request.timezone() + "' is not an IANA time zone id");
        }
        requireCalendar(request.now(), "now");
        Set<String> ids = new HashSet<>();
        List<BackupFacts> backups = new ArrayList<>();
        for (int i = 0; i < request.backups().size(); i++) {
            EvaluationRequest.Backup b = request.backups().get(i);
            requireCalendar(b.createdAt(), "backups[" + i + "].created_at");
            if (!ids.add(b.id())) {
                throw Problems.invalid("backups[" + i + "].id", "backup id " + b.id() + " is listed twice");
            }
            backups.add(new BackupFacts(b.id(), b.createdAt(), b.automated(),
                    b.trigger() == null ? (b.automated() ? "schedule" : "api") : b.trigger()));
        }
        EnvironmentKind kind = request.environmentType() == null || request.environmentType().equals("production")
                ? EnvironmentKind.PRODUCTION : EnvironmentKind.PREVIEW;
        Evaluation evaluation = RetentionEngine.evaluate(policy, kind, backups, request.now(), zone);
        return new EvaluationView(policy.name(), policy.manualAllowance(),
                policy.rules().stream().map(Rule::describe).toList(),
                verdicts(evaluation, true).reversed(), verdicts(evaluation, false).reversed());
    }

    /** Instants from 1970 to 9999: the engine's calendars do not reach a billion years. */
    private static void requireCalendar(Instant instant, String field) {
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LAST)) {
            throw Problems.invalid(field, field + " must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
    }

    private static List<Verdict> verdicts(Evaluation evaluation, boolean kept) {
        return evaluation.decisions().stream().filter(d -> d.kept() == kept)
                .map(d -> new Verdict(d.id(), d.reasons(), d.expiresAt())).toList();
    }

    static Policy policy(JsonNode node, Integer manualAllowance) {
        try {
            if (node.isString()) {
                Policy named = Policy.named(node.asString());
                return manualAllowance == null ? named
                        : new Policy(named.name(), manualAllowance, named.rules());
            }
            if (!node.isArray() || node.isEmpty()) {
                throw Problems.invalid("policy", "policy must be a built-in name (basic, advanced, premium, "
                        + "dedicated-gen2) or a non-empty list of {\"interval\": \"1d\", \"count\": 7}");
            }
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode rule = node.get(i);
                if (!rule.path("count").isInt() || rule.path("count").asInt() > 10_000) {
                    throw Problems.invalid("policy[" + i + "].count", "count must be a whole number from 1 to 10000");
                }
                try {
                    rules.add(Rule.of(rule.path("interval").asString(null), rule.path("count").asInt()));
                } catch (IllegalArgumentException e) {
                    throw Problems.invalid("policy[" + i + "]", e.getMessage());
                }
            }
            return Policy.custom("custom", manualAllowance == null ? 4 : manualAllowance, rules);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("policy", e.getMessage());
        }
    }
}
