#include "high/top.hpp" // a test of low reaching up
