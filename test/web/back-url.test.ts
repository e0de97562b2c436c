import t from 'tap';
import { backUrl, localPath, safeNext } from '../../src/web/back-url.js';
import { addStaff, build, Client, PASSWORD } from '../helper.js';

t.test('safeNext keeps same-site paths and refuses every way out of the site', async (t) => {
  const cases: [unknown, string][] = [
    ['/members', '/members'],
    ['/members/12?tab=dues#x', '/members/12?tab=dues#x'],
    ['/members?q=%E5%B1%B1', '/members?q=%E5%B1%B1'],
    ['/\t/evil.example', '/members'],
    ['/\n/evil.example', '/members'],
    ['/\r/evil.example', '/members'],
    ['/ /evil.example', '/members'],
    ['//evil.example', '/members'],
    ['/\\evil.example', '/members'],
    ['\\/evil.example', '/members'],
    ['/..//evil.example', '/members'],
    ['/%2e%2e//evil.example', '/members'],
    ['https://evil.example/', '/members'],
    ['http:/evil.example', '/members'],
    ['javascript:alert(1)', '/members'],
    ['evil.example', '/members'],
    ['/\u0000/evil.example', '/members'],
    ['/\u3000/evil.example', '/members'],
    ['', '/members'],
    [undefined, '/members'],
    [['/a'], '/members'],
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
  t.equal(res.headers.location, '/members');
});
