package io.lifeboat.connector.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A database's grants, parsed from its {@code datacl} ({@code {=Tc/owner,owner=CTc/owner,app=c*\/owner}}). */
final class Acl {

    private static final Map<Character, String> PRIVILEGES = Map.of('C', "CREATE", 'c', "CONNECT", 'T', "TEMPORARY");

    /** One grantee's privileges; an empty grantee is PUBLIC. */
    record Grant(String grantee, List<String> privileges, boolean withGrantOption) {
    }

    private Acl() {
    }

    static List<Grant> parse(String acl) {
        String body = acl.strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        List<Grant> grants = new ArrayList<>();
        for (String item : items(body)) {
            String entry = item.startsWith("\"") && item.endsWith("\"")
                    ? item.substring(1, item.length() - 1).replace("\\\"", "\"") : item;
            int eq = entry.lastIndexOf('=', entry.lastIndexOf('/'));
            String grantee = unquote(entry.substring(0, eq));
            String privileges = entry.substring(eq + 1, entry.lastIndexOf('/'));
            List<String> plain = new ArrayList<>();
            List<String> grantable = new ArrayList<>();
            for (int i = 0; i < privileges.length(); i++) {
                String name = PRIVILEGES.get(privileges.charAt(i));
                if (name == null) {
                    throw new IllegalArgumentException("database grant '" + item + "' has an unknown privilege");
                }
                boolean option = i + 1 < privileges.length() && privileges.charAt(i + 1) == '*';
                (option ? grantable : plain).add(name);
                if (option) {
                    i++;
                }
            }
            if (!plain.isEmpty()) {
                grants.add(new Grant(grantee, plain, false));
            }
            if (!grantable.isEmpty()) {
                grants.add(new Grant(grantee, grantable, true));
            }
        }
        return grants;
    }

    private static List<String> items(String body) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && quoted && i + 1 < body.length()) {
                current.append(c).append(body.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ',' && !quoted) {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            items.add(current.toString());
        }
        return items;
    }

    private static String unquote(String role) {
        return role.startsWith("\"") && role.endsWith("\"")
                ? role.substring(1, role.length() - 1).replace("\"\"", "\"") : role;
    }
}
