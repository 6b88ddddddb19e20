from lagebild.cli.main import main

main()
