#pragma once
// The command line: `mockmate serve [flags]` (and `mockmate help`).
namespace mm::app {

int main_program(int argc, char** argv);

} // namespace mm::app
