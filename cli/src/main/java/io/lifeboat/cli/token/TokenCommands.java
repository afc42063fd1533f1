package io.lifeboat.cli.token;

import java.util.List;

/** The {@code token:*} commands, for {@code lifeboat} to register. */
public final class TokenCommands {

    public static List<Object> all() {
        return List.of(new TokenCreate(), new TokenList(), new TokenRevoke());
    }

    private TokenCommands() {
    }
}
