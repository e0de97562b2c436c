import t from 'tap';
import { backUrl, localPath, safeNext } from '../../src/web/back-url.js';
import { addStaff, build, Client, PASSWORD } from '../helper.js';

t.test('safeNext keeps same-site paths and refuses every way out of the site', async (t) => {
  const cases: [unknown, string][] = [
    ['/members', '/members'],
    ['/members/12?tab=dues#x', '/members/12?tab=dues#x'],
    ['/members?q=%E5%B1%B1', '/members?q=%E5%B1%B1'],
    ['/\t/evil.example', '/dashboard'],
    ['/\n/evil.example', '/dashboard'],
    ['/\r/evil.example', '/dashboard'],
    ['/ /evil.example', '/dashboard'],
    ['//evil.example', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
    ['\\/evil.example', '/dashboard'],
    ['/..//evil.example', '/dashboard'],
    ['/%2e%2e//evil.example', '/dashboard'],
    ['https://evil.example/', '/dashboard'],
    ['http:/evil.example', '/dashboard'],
    ['javascript:alert(1)', '/dashboard'],
    ['evil.example', '/dashboard'],
    ['/\u0000/evil.example', '/dashboard'],
    ['/\u3000/evil.example', '/dashboard'],
    ['', '/dashboard'],
    [undefined, '/dashboard'],
    [['/a'], '/dashboard'],
  ];
  for (const [input, want] of cases) t.equal(safeNext(input), want, JSON.stringify(input));
  t.equal(localPath('/\t/evil.example'), null);
  t.equal(backUrl({ back: '/\t/evil.example' }, '/x'), '/x');
  t.equal(backUrl({ back: '/members/3' }, '/x'), '/members/3');
});

t.test('a login link with a tab before a second slash lands on the members page', async (t) => {
  const { app } = await build(t);
  await addStaff(app, 'staff', 'hanako');
  const c = new Client(app);
  await c.get('/login');
  const res = await c.post('/login', { loginId: 'hanako', password: PASSWORD, next: '/\t/evil.example' });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, '/dashboard');
});
