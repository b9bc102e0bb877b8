// The stylesheets of the on-demand parts, imported with the first screen. The build keeps all CSS in one file
// (vite.config.ts), but a lazy chunk's styles would land after styles.css, which main.tsx imports last so that it
// wins ties; imported here, they keep the place they had before the parts were split off. CSS only: no script
// of those parts comes with it.
import '../viewer/viewer.css';
import '../viewer/refusal.css';
import '../viewer/clockNote.css';
import '../checks/checks.css';
import '../graphql/graphql.css';
import '../presign/presign.css';
import '../docs/docs.css';
import '../chain/chain.css';
import '../workshop/workshop.css';
import '../keyboard/keyboard.css';
