package io.lifeboat.cli.backup;

import java.util.List;

/** The {@code backup:*} commands, for {@code lifeboat} to register. */
public final class BackupCommands {

    public static List<Object> all() {
        return List.of(new BackupCreate(), new BackupList(), new BackupGet(), new BackupRestore(),
                new BackupDelete(), new BackupVerify());
    }

    private BackupCommands() {
    }
}
