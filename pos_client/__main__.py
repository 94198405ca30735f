from pos_client.cli import main

raise SystemExit(main())
