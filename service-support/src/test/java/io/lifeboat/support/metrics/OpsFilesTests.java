package io.lifeboat.support.metrics;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and the Grafana dashboard in ops/ parse, and use only metrics that the code registers: the
 * names are read from a registry that saw one event of every kind. The docs describe each metric.
 */
class OpsFilesTests {

    static final Path OPS = Path.of("..", "ops");
    static final Pattern METRIC = Pattern.compile("\\blifeboat_[a-z_]+\\b");

    final Scrape registered = registered();

    static Scrape registered() {
        Lifecycles lifecycles = new Lifecycles(500);
        lifecycles.everything();
        return lifecycles.scrape();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertParsesAndUsesRegisteredMetrics() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(OPS.resolve("prometheus/rules/lifeboat.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        ((List<Map<String, Object>>) file.get("groups")).forEach(g -> rules.addAll((List<Map<String, Object>>) g.get("rules")));
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            String expr = (String) rule.get("expr");
            assertThat(expr).as("%s", rule.get("alert")).isNotBlank();
            assertThat(balanced(expr)).as("brackets of %s", rule.get("alert")).isTrue();
            assertThat((Map<String, Object>) rule.get("annotations")).containsKey("summary");
            assertThat(used(expr)).as("%s", rule.get("alert")).isNotEmpty();
            assertRegistered(expr, (String) rule.get("alert"));
            alerts.add((String) rule.get("alert"));
        }
        assertThat(alerts).contains("LifeboatProductionBackupOverdue", "LifeboatVerificationFailed",
                "LifeboatStorageUnderReplicated", "LifeboatDeadLettersRising", "LifeboatConsumerLagGrowing",
                "LifeboatBackupPastDeadline");
        Map<String, Object> prometheus = new Yaml().load(Files.readString(OPS.resolve("prometheus/prometheus.yml")));
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/rules/*.yml");
        assertThat((List<Object>) prometheus.get("scrape_configs")).hasSize(5);
    }

    @Test
    void theDashboardParsesAndUsesRegisteredMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(OPS.resolve("grafana/dashboards/lifeboat.json")));
        assertThat(dashboard.path("uid").asString()).isEqualTo("lifeboat-overview");
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                assertThat(balanced(expr)).as("brackets of %s", panel.path("title").asString()).isTrue();
                assertRegistered(expr, panel.path("title").asString());
                assertThat(target.path("datasource").path("uid").asString()).isEqualTo("lifeboat-prometheus");
                targets++;
            }
        }
        assertThat(targets).isGreaterThan(20);
        Map<String, Object> datasources = new Yaml().load(Files.readString(
                OPS.resolve("grafana/provisioning/datasources/prometheus.yml")));
        assertThat(datasources.toString()).contains("uid=lifeboat-prometheus", "url=http://prometheus:9090");
        Map<String, Object> dashboards = new Yaml().load(Files.readString(
                OPS.resolve("grafana/provisioning/dashboards/lifeboat.yml")));
        assertThat(dashboards.toString()).contains("path=/etc/grafana/dashboards");
    }

    @Test
    void everyMetricOfTheCatalogIsRegisteredAndDocumented() throws IOException {
        Set<String> families = new TreeSet<>();
        registered.names().stream().filter(n -> n.startsWith("lifeboat_")).map(OpsFilesTests::family)
                .forEach(families::add);
        Set<String> catalog = new TreeSet<>();
        MetricNames.ALL.forEach(name -> catalog.add(name.replace('.', '_')));
        assertThat(families).isEqualTo(catalog.stream().map(OpsFilesTests::family)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        String docs = Files.readString(Path.of("..", "docs", "operations.md"));
        for (String family : families) {
            assertThat(docs).as("docs/operations.md names %s", family).contains(family);
        }
    }

    private void assertRegistered(String expr, String where) {
        assertThat(registered.names()).as("metrics of %s", where).containsAll(used(expr));
    }

    static Set<String> used(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** A metric's name without the suffixes Prometheus adds to counters and histograms. */
    static String family(String name) {
        return name.replaceAll("_(total|bucket|count|sum|max)$", "").replaceAll("_seconds$", "");
    }

    static boolean balanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
