// What a program in the sandbox can see and do of the host: nothing of the network, the
// server's files, other runs, the server's environment or privileges.
#include "sandbox/unique_fd.hpp"
#include "sandbox_fixture.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <thread>

namespace {

using namespace mm::sandbox;
using namespace mm::sandbox::testing;
using mm::domain::code_language;
using mm::domain::execution_outcome;

// A TCP listener on `address`, port chosen by the kernel.
struct listener {
  explicit listener(const std::string& address) {
    fd = unique_fd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, address.c_str(), &a.sin_addr);
    EXPECT_EQ(::bind(fd.get(), reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    EXPECT_EQ(::listen(fd.get(), 8), 0);
    socklen_t len = sizeof a;
    ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  bool accepted_someone() const { return ::accept(fd.get(), nullptr, nullptr) >= 0; }
  unique_fd fd;
  int port = 0;
};

// An IPv4 address of this host other than loopback.
std::string host_address() {
  ifaddrs* list = nullptr;
  std::string found;
  if (::getifaddrs(&list) != 0) return found;
  for (auto* i = list; i && found.empty(); i = i->ifa_next) {
    if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || (i->ifa_flags & IFF_LOOPBACK) || !(i->ifa_flags & IFF_UP)) continue;
    char text[INET_ADDRSTRLEN];
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, text, sizeof text);
    found = text;
  }
  ::freeifaddrs(list);
  return found;
}

const char* connect_program = R"(import socket, sys
def attempt(host, port):
    try:
        s = socket.create_connection((host, port), timeout=3)
        return 'connected'
    except OSError as e:
        return 'refused ' + type(e).__name__
for line in sys.stdin:
    host, port = line.split()
    print(attempt(host, int(port)))
try:
    socket.getaddrinfo('example.com', 80)
    print('resolved')
except OSError:
    print('no dns')
)";

TEST(sandbox_isolation, no_network_neither_loopback_nor_the_host_address_nor_dns) {
  const auto address = host_address();
  ASSERT_FALSE(address.empty()) << "this test needs a non-loopback IPv4 address";
  const listener loopback("127.0.0.1"), host(address);
  const auto input = "127.0.0.1 " + std::to_string(loopback.port) + "\n" + address + " " + std::to_string(host.port) + "\n";
  const auto r = run_python(connect_program, input);
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << r.stderr_text;
  EXPECT_EQ(r.stdout_text.find("connected"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.stdout_text.find("resolved"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.stdout_text.rfind("refused", 0), 0u) << r.stdout_text;
  EXPECT_FALSE(loopback.accepted_someone());
  EXPECT_FALSE(host.accepted_someone());
}

TEST(sandbox_isolation, only_the_loopback_interface_exists_and_it_is_down) {
  const auto r = run_python("import socket\nprint(sorted(name for _, name in socket.if_nameindex()))\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  EXPECT_EQ(r.stdout_text, "['lo']\n");
}

TEST(sandbox_isolation, the_server_database_and_host_secrets_are_not_visible) {
  const auto dir = std::filesystem::temp_directory_path() / unique_tag();
  std::filesystem::create_directories(dir / "data");
  const auto db = dir / "data" / "mockmate.db";
  const auto beside = dir / "data" / "secret.txt";
  std::ofstream(db) << "SQLite format 3 - pretend server database";
  std::ofstream(beside) << "hunter2";
  std::filesystem::permissions(dir, std::filesystem::perms::all);
  std::filesystem::permissions(db, std::filesystem::perms::all);
  std::filesystem::permissions(beside, std::filesystem::perms::all); // readable by anyone on the host
  const std::string paths = db.string() + "\n" + beside.string() + "\n" + dir.string() +
                            "\n/etc/shadow\n/etc/passwd\n/root\n/home\n/var/lib\n/proc/1/root/etc/shadow\n" +
                            std::filesystem::read_symlink("/proc/self/exe").parent_path().string() + "\n";
  const auto r = run_python("import sys\nfor p in sys.stdin.read().split():\n    try:\n"
                            "        print(p, open(p).read()[:20] if not p.endswith('/') else '')\n"
                            "    except IsADirectoryError:\n        print(p, 'a directory')\n"
                            "    except OSError as e:\n        print(p, 'invisible', type(e).__name__)\n",
                            paths);
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  EXPECT_EQ(r.stdout_text.find("hunter2"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.stdout_text.find("SQLite"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.stdout_text.find("root:"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.stdout_text.find("a directory"), std::string::npos) << r.stdout_text;
  std::size_t invisible = 0;
  for (auto at = r.stdout_text.find("invisible"); at != std::string::npos; at = r.stdout_text.find("invisible", at + 1)) ++invisible;
  EXPECT_EQ(invisible, 10u) << r.stdout_text;
  std::filesystem::remove_all(dir);
}

TEST(sandbox_isolation, writing_outside_its_directory_is_refused) {
  const auto tag = unique_tag();
  const auto host_tmp = std::filesystem::temp_directory_path() / tag;
  const std::string targets = "/usr/" + tag + "\n/usr/bin/" + tag + "\n/etc/" + tag + "\n/" + tag + "\n/dev/" + tag +
                              "\n/src/" + tag + "\n/proc/sys/kernel/hostname\n" + host_tmp.string() + "/x\n";
  const auto r = run_python("import sys\nfor p in sys.stdin.read().split():\n    try:\n"
                            "        with open(p, 'w') as f:\n            f.write('x')\n        print(p, 'written')\n"
                            "    except OSError as e:\n        print(p, 'refused', type(e).__name__)\n"
                            "open('/tmp/mine', 'w').write('ok')\nprint('own tmp', open('/tmp/mine').read())\n",
                            targets);
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  EXPECT_EQ(r.stdout_text.find("written"), std::string::npos) << r.stdout_text;
  EXPECT_NE(r.stdout_text.find("own tmp ok"), std::string::npos) << r.stdout_text;
  EXPECT_FALSE(std::filesystem::exists("/usr/" + tag));
  EXPECT_FALSE(std::filesystem::exists("/" + tag));
  EXPECT_FALSE(std::filesystem::exists(host_tmp));
}

TEST(sandbox_isolation, the_system_cannot_be_remounted_writable_nor_a_namespace_made) {
  const auto r = run_python("import subprocess\n"
                            "for cmd in (['mount', '-o', 'remount,rw', '/usr'], ['unshare', '-r', 'true'],\n"
                            "            ['unshare', '-n', 'true']):\n"
                            "    p = subprocess.run(cmd, capture_output=True)\n"
                            "    print(cmd[0], 'refused' if p.returncode != 0 else 'allowed')\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  EXPECT_EQ(r.stdout_text, "mount refused\nunshare refused\nunshare refused\n");
}

TEST(sandbox_isolation, code_runs_unprivileged_without_capabilities_in_an_empty_directory) {
  const auto r = run_python("import os\nstatus = dict(l.split(':', 1) for l in open('/proc/self/status'))\n"
                            "print(os.getuid() != 0, os.geteuid() != 0)\n"
                            "print(all(int(status[k].strip(), 16) == 0 for k in ('CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb')))\n"
                            "print(status['NoNewPrivs'].strip())\nprint(os.getcwd(), os.listdir('.'))\n"
                            "print(sorted(os.listdir('/proc/self/fd')))\n"
                            "print(len([p for p in os.listdir('/proc') if p.isdigit()]))\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  // fd 3 is the directory listdir opened; 0, 1, 2 are stdin, stdout and stderr, nothing else.
  EXPECT_EQ(r.stdout_text, "True True\nTrue\n1\n/tmp []\n['0', '1', '2', '3']\n2\n");
}

TEST(sandbox_isolation, the_server_environment_does_not_reach_the_program) {
  ::setenv("MOCKMATE_TEST_SECRET", "hunter2", 1);
  const auto r = run_python("import os\nprint(sorted(os.environ.items()))\n");
  ::unsetenv("MOCKMATE_TEST_SECRET");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.stderr_text;
  EXPECT_EQ(r.stdout_text.find("hunter2"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.stdout_text,
            "[('HOME', '/tmp'), ('LANG', 'C.UTF-8'), ('PATH', '/usr/bin:/bin'), ('PWD', '/tmp'), ('TMPDIR', '/tmp')]\n");
}

TEST(sandbox_isolation, two_runs_at_once_cannot_see_each_other) {
  // Each writes a file in its /tmp, waits while the other does the same, then looks for the
  // other's file, processes and tmpfs.
  const auto program = [](const std::string& mine, const std::string& theirs) {
    return "import os, time\nopen('/tmp/" + mine + "', 'w').write('x')\ntime.sleep(2)\n"
           "print(sorted(os.listdir('/tmp')))\nprint(os.path.exists('/tmp/" + theirs + "'))\n"
           "print(len([p for p in os.listdir('/proc') if p.isdigit()]))\n";
  };
  execution_result a, b;
  std::thread ta([&] { a = run_python(program("a-file", "b-file")); });
  std::thread tb([&] { b = run_python(program("b-file", "a-file")); });
  ta.join();
  tb.join();
  EXPECT_EQ(a.outcome, execution_outcome::ok) << a.message << a.stderr_text;
  EXPECT_EQ(b.outcome, execution_outcome::ok) << b.message << b.stderr_text;
  EXPECT_EQ(a.stdout_text, "['a-file']\nFalse\n2\n");
  EXPECT_EQ(b.stdout_text, "['b-file']\nFalse\n2\n");
}

TEST(sandbox_isolation, files_written_by_one_run_are_gone_in_the_next) {
  const auto first = run_python("open('/tmp/left-behind', 'w').write('x')\nprint('wrote')\n");
  EXPECT_EQ(first.stdout_text, "wrote\n");
  const auto second = run_python("import os\nprint(os.listdir('/tmp'))\n");
  EXPECT_EQ(second.stdout_text, "[]\n");
}

TEST(sandbox_isolation, the_temporary_directory_is_bounded) {
  const auto r = run_python("import os\nn = 0\ntry:\n    while True:\n"
                            "        with open('/tmp/f%d' % n, 'wb') as f:\n            f.write(b'x' * (1 << 20))\n"
                            "        n += 1\nexcept OSError as e:\n    print('full after', n, 'MiB', type(e).__name__)\n");
  EXPECT_EQ(r.outcome, execution_outcome::ok) << r.message << r.stderr_text;
  EXPECT_EQ(r.stdout_text.rfind("full after", 0), 0u) << r.stdout_text;
  EXPECT_LE(std::stoi(r.stdout_text.substr(11)), 64);
}

} // namespace
