package io.lifeboat.connector.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabasePropertiesTests {

    @Test
    void settingsBecomeQuotedAssignmentsAndListsAreQuotedElementByElement() {
        assertThat(DatabaseProperties.assignment("work_mem=64MB")).isEqualTo("work_mem = '64MB'");
        assertThat(DatabaseProperties.assignment("statement_timeout=0")).isEqualTo("statement_timeout = '0'");
        assertThat(DatabaseProperties.assignment("search_path=\"$user\", public, \"Odd \"\"name\"\"\""))
                .isEqualTo("search_path = '$user', 'public', 'Odd \"name\"'");
        assertThat(DatabaseProperties.assignment("application_name=it's")).isEqualTo("application_name = 'it''s'");
        assertThatThrownBy(() -> DatabaseProperties.assignment("x; DROP DATABASE y=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredSettingCannotForgeAnotherLine() throws Exception {
        String forged = "search_path=\"x\nlbadmin\tsearch_path=evil\"";
        java.util.Map<String, String> facts = java.util.Map.of(DatabaseProperties.SETTINGS,
                DatabaseProperties.encode(forged));
        List<String> executed = new java.util.ArrayList<>();
        java.sql.Statement recorder = (java.sql.Statement) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {java.sql.Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        executed.add((String) args[0]);
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        DatabaseProperties.apply(recorder, "shop", facts);
        assertThat(executed).containsExactly("ALTER DATABASE \"shop\" SET search_path = 'x\nlbadmin\tsearch_path=evil'");
    }

    @Test
    void grantsAreReadFromTheDatabasesAcl() {
        assertThat(Acl.parse("{=c/owner,owner=CTc/owner,app=c*T/owner,\"\\\"odd role\\\"=C/owner\"}")).containsExactly(
                new Acl.Grant("", List.of("CONNECT"), false),
                new Acl.Grant("owner", List.of("CREATE", "TEMPORARY", "CONNECT"), false),
                new Acl.Grant("app", List.of("TEMPORARY"), false),
                new Acl.Grant("app", List.of("CONNECT"), true),
                new Acl.Grant("odd role", List.of("CREATE"), false));
    }
}
