// `whosaid dask`: runs extraction on a Dask cluster through the Python
// package (python3 -m whosaid.dask), so the CLI and Python share one code
// path. The package is found in the build tree or where it was installed.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "tools/commands.h"

namespace whosaid::cli {

void RegisterDask(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd =
      app->add_subcommand("dask",
                          "Extract inputs on a Dask cluster into JSONL shards "
                          "(python3 -m whosaid.dask; see doc/python.md)");
  cmd->allow_extras();
  cmd->prefix_command();
  cmd->callback([cmd, exit_code] {
    std::vector<std::string> argv = {"python3", "-m", "whosaid.dask"};
    for (const auto& a : cmd->remaining()) argv.push_back(a);
#ifdef WHOSAID_PYTHON_BUILD_DIR
    std::string path = WHOSAID_PYTHON_BUILD_DIR;
    if (const char* old = std::getenv("PYTHONPATH"); old && *old) {
      path += ":" + std::string(old);
    }
    setenv("PYTHONPATH", path.c_str(), 1);
#endif
    // argv[0] must be the interpreter's real path: Python derives its
    // prefix (and so its standard library) from it.
    const char* python =
        access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
    argv[0] = python;
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    execvp(python, cargv.data());
    fmt::print(stderr, "whosaid dask: cannot run {}: {}\n", python,
               std::strerror(errno));
    *exit_code = kExitNoInput;
  });
}

}  // namespace whosaid::cli
