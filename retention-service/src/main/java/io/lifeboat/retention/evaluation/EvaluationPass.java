package io.lifeboat.retention.evaluation;

import io.lifeboat.contracts.EnvironmentRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.util.List;

/** Evaluates every environment with completed backups, every {@code evaluate-interval}, as time passes. */
@Service
public class EvaluationPass {

    private static final Logger log = LoggerFactory.getLogger(EvaluationPass.class);

    private final JdbcTemplate jdbc;
    private final Evaluator evaluator;

    EvaluationPass(JdbcTemplate jdbc, Evaluator evaluator) {
        this.jdbc = jdbc;
        this.evaluator = evaluator;
    }

    /** Returns how many environments were evaluated. */
    @Scheduled(fixedDelayString = "${lifeboat.retention.evaluate-interval}",
            initialDelayString = "${lifeboat.retention.evaluate-interval}")
    public int evaluateAll() {
        List<EnvironmentRef> environments = jdbc.query("SELECT DISTINCT project, environment FROM backups "
                + "WHERE status = 'COMPLETED' AND deletion_reason IS NULL ORDER BY 1, 2",
                (rs, n) -> new EnvironmentRef(rs.getString(1), rs.getString(2)));
        int evaluated = 0;
        for (EnvironmentRef ref : environments) {
            try {
                evaluator.evaluate(ref);
                evaluated++;
            } catch (RuntimeException e) {
                log.warn("evaluating the backups of {} failed; the next pass retries: {}", ref, e.getMessage());
            }
        }
        return evaluated;
    }
}
