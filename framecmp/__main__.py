from framecmp.cli import main

main()
