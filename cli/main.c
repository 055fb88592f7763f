/*
 * cli/main.c: the `aka` binary: dispatch to subcommands, `aka help`.
 */
#include <stdio.h>
#include <string.h>

#include "aka/aka.h"
#include "cli.h"

static const struct {
    const char *name;
    cli_cmd_fn fn;
    const char *summary;
} commands[] = {
    {"lists", cmd_lists, "what list files hold (counts, dates)"},
    {"compare", cmd_compare, "score two names against each other, explained"},
    {"search", cmd_search, "search one name in the lists"},
    {"screen", cmd_screen, "screen a file of records (CSV or JSON lines)"},
    {"index", cmd_index, "build a snapshot file of lists and index"},
    {"eval", cmd_eval, "measure recall and false alerts against a baseline"},
    {"diff", cmd_diff, "what changed between two versions of a list"},
    {"update", cmd_update, "fetch the lists into a store, checked"},
    {"audit", cmd_audit, "verify or list a store's audit log"},
    {"rescreen", cmd_rescreen, "screen stored records again after an update"},
    {"alerts", cmd_alerts, "list, show and decide alerts"},
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
    fprintf(f, "usage: aka COMMAND [OPTIONS] [ARGS]\n\n"
               "Screen names against sanctions and watchlists.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "  %-10s %s\n", "help", "this text, or `aka help COMMAND`");
    fprintf(f, "  %-10s %s\n", "version", "print the version");
    fprintf(f, "\nExit status: 0 success, 1 failed check, 2 bad usage or "
               "bad input.\n");
}

int main(int argc, char **argv)
{
    const char *cmd;

    if (argc < 2) {
        usage(stderr);
        return CLI_BAD;
    }
    cmd = argv[1];
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        if (argc > 2) {
            for (size_t i = 0; i < N_COMMANDS; i++) {
                if (!strcmp(argv[2], commands[i].name)) {
                    char *sub[] = {argv[2], "--help", NULL};
                    return commands[i].fn(2, sub);
                }
            }
            cli_err("unknown command '%s'", argv[2]);
            return CLI_BAD;
        }
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("aka %s\n", aka_version());
        return CLI_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    cli_err("unknown command '%s' (try `aka help`)", cmd);
    return CLI_BAD;
}
