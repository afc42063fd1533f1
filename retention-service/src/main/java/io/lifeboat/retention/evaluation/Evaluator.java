package io.lifeboat.retention.evaluation;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.retention.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one environment's backups and publishes what changed. One evaluation at a time per environment,
 * across instances: the copy, the decisions and the outbox rows commit together.
 */
@Service
public class Evaluator {

    private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

    private final JdbcTemplate jdbc;
    private final Subjects subjects;
    private final Assessments assessments;
    private final RetentionProperties properties;
    private final Clock clock;

    Evaluator(JdbcTemplate jdbc, Subjects subjects, Assessments assessments, RetentionProperties properties,
              Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.assessments = assessments;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void evaluate(EnvironmentRef ref) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, "retention/" + ref.key());
        Subject subject = subjects.load(ref);
        List<Verdict> verdicts;
        try {
            verdicts = EnvironmentRetention.decide(subject, clock.instant(), properties);
        } catch (IllegalArgumentException | DateTimeException e) {
            log.warn("cannot evaluate the backups of {}; they are kept meanwhile: {}", ref, e.getMessage());
            return;
        }
        Map<String, Subject.Assessment> last = new HashMap<>();
        subject.backups().forEach(b -> last.put(b.id(), b.assessed()));
        verdicts.forEach(verdict -> assessments.publish(ref, verdict, last.get(verdict.backupId())));
    }
}
