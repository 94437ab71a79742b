#pragma once
#include "high/top.hpp" // an arrow back up
