#include "bvplan/commands/cli.hpp"

int main(int argc, char** argv) { return bvplan::run(argc, argv); }
