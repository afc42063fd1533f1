package io.lifeboat.connector.mariadb;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantsTests {

    @Test
    void grantsSurviveTheirStoredFormWithOddNamesAndMakeOneStatementEach() throws Exception {
        Grants.Grant odd = new Grants.Grant("we`ird 'user'\n;DROP", "h%st", true,
                List.of("Select", "Create_tmp_table", "Show_view", "Grant"));
        List<Grants.Grant> decoded = Grants.decode(Grants.encode(List.of(odd, new Grants.Grant("r", "", false,
                List.of("Grant")))));
        assertThat(decoded).hasSize(2);
        assertThat(decoded.getFirst()).isEqualTo(odd);

        List<String> executed = new ArrayList<>();
        Statement recorder = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    executed.add((String) args[0]);
                    return false;
                });
        decoded.getFirst().grant(recorder, "shop_1");
        decoded.get(1).grant(recorder, "shop_1");
        decoded.getFirst().revoke(recorder, "shop_1");
        assertThat(executed).containsExactly(
                "GRANT SELECT, CREATE TEMPORARY TABLES, SHOW VIEW ON `shop\\_1`.* TO `we``ird 'user'\n;DROP`@`h%st` "
                        + "WITH GRANT OPTION",
                "GRANT USAGE ON `shop_1`.* TO `r` WITH GRANT OPTION",
                "REVOKE ALL PRIVILEGES ON `shop\\_1`.* FROM `we``ird 'user'\n;DROP`@`h%st`",
                "REVOKE GRANT OPTION ON `shop\\_1`.* FROM `we``ird 'user'\n;DROP`@`h%st`");
    }

    @Test
    void aStoredGrantThatCouldMakeAStatementIsRefused() {
        String user = java.util.Base64.getEncoder().encodeToString("u".getBytes());
        assertThatThrownBy(() -> Grants.decode(user + " " + user + " exact Select,ALL ON *.* TO x --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grants.decode(user + " " + user + " exact Select,ALL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ALL");
        assertThatThrownBy(() -> Grants.decode(user + " " + user + " exact Select,Drop;DROP"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grants.decode(user + " " + user + " exact Select ON"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grants.decode(user + " " + user + " everything Select"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grants.decode("not-base64! " + user + " exact Select"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
