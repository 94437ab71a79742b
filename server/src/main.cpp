// mockmate: see app/main_program.hpp.
#include "app/main_program.hpp"

int main(int argc, char** argv) { return mm::app::main_program(argc, argv); }
